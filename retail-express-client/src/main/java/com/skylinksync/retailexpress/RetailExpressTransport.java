package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.soap.EcommerceServiceSoap;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.Objects;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * The one way to Retail Express: every call of every feature client ({@link RetailExpressCustomers},
 * {@link RetailExpressCatalogue}, {@link RetailExpressSales}, {@link ChangeSetAcknowledgements}) goes through
 * {@link #call}, which takes a permit of the API budget, lends a SOAP port, translates faults and transport failures,
 * checks the result for RE's in-band errors, slows the budget on a throttle fault and keeps {@link #credentials()}.
 * Thread-safe. A service has one, shared by its feature clients, so their calls share one port pool and one view of
 * whether RE accepts the credentials.
 */
public final class RetailExpressTransport {

    private final RetailExpressSettings settings;
    private final CallPermits permits;
    private final CallTimings timings;
    private final EcommercePorts ports;
    private final FaultTranslator faults = new FaultTranslator();
    private final CredentialStatus credentials = new CredentialStatus();
    private final ObservationRegistry observations;

    /** A transport whose calls are not budgeted: for tools and tests; services use the shared API budget. */
    public RetailExpressTransport(RetailExpressSettings settings) {
        this(settings, CallPermits.UNLIMITED);
    }

    /** A transport whose every call first takes a permit from {@code permits} (the shared API budget). */
    public RetailExpressTransport(RetailExpressSettings settings, CallPermits permits) {
        this(settings, permits, ObservationRegistry.NOOP, CallTimings.NONE);
    }

    /**
     * A transport whose every call is also observed ({@code skylink.retail-express.call}, one span per SOAP call in
     * the caller's trace, named {@code RE <operation>}), the permit's wait included.
     */
    public RetailExpressTransport(RetailExpressSettings settings, CallPermits permits, ObservationRegistry observations) {
        this(settings, permits, observations, CallTimings.NONE);
    }

    /** As {@link #RetailExpressTransport(RetailExpressSettings, CallPermits)}, reporting each call to {@code timings}. */
    public RetailExpressTransport(RetailExpressSettings settings, CallPermits permits, CallTimings timings) {
        this(settings, permits, ObservationRegistry.NOOP, timings);
    }

    /** Observed (a span per call) and timed ({@code timings}, the call's own time after its permit). */
    public RetailExpressTransport(RetailExpressSettings settings, CallPermits permits, ObservationRegistry observations,
                                  CallTimings timings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.permits = Objects.requireNonNull(permits, "permits");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.ports = new EcommercePorts(settings);
    }

    /** Whether RE accepted these credentials at the last calls (what health reports). */
    public CredentialStatus credentials() {
        return credentials;
    }

    /** The settings this transport calls RE with (the password masked in their {@code toString}). */
    public RetailExpressSettings settings() {
        return settings;
    }

    /**
     * One SOAP call with its failures translated and the result document checked for RE's in-band errors.
     *
     * @param write      a non-idempotent write: a failure after sending is {@link RetailExpressException.Uncertain}
     * @param invocation the operation on the port, e.g. {@code port -> port.getOrder(id)}
     * @param document   the result document inside the operation's generated result wrapper (they share no type),
     *                   e.g. {@code GetOrderResult::getAny}; not called when RE sent no result
     * @return the result document, null when RE sent none
     */
    <R> Element call(String operation, boolean write, Function<EcommerceServiceSoap, R> invocation,
                     Function<R, Element> document) {
        return Observation.createNotStarted("skylink.retail-express.call", observations)
                .contextualName("RE " + operation)
                .lowCardinalityKeyValue("operation", operation)
                .observe(() -> unobservedCall(operation, write, invocation, document));
    }

    private <R> Element unobservedCall(String operation, boolean write, Function<EcommerceServiceSoap, R> invocation,
                                       Function<R, Element> document) {
        permits.acquire(operation);
        long started = System.nanoTime(); // after the permit: the call's own time, not the wait for the budget
        Element result;
        try {
            R answer = ports.call(write, invocation);
            result = answer == null ? null : document.apply(answer);
        } catch (SOAPFaultException e) {
            throw observed(operation, faults.fault(operation, write, e), started);
        } catch (WebServiceException e) {
            throw observed(operation, faults.transport(operation, write, e), started);
        } finally {
            permits.finished(operation); // RE can no longer count this call later
        }
        try {
            faults.checkResult(operation, result);
        } catch (RetailExpressException inBand) {
            throw observed(operation, inBand, started);
        }
        timings.record(operation, "ok", System.nanoTime() - started);
        credentials.accepted();
        return result;
    }

    /**
     * A read: {@link #call} then {@code mapping} of its result document, a record RE sent that cannot be read being a
     * {@link RetailExpressException.Business} failure (retrying would read the same).
     */
    <R, T> T read(String operation, Function<EcommerceServiceSoap, R> invocation, Function<R, Element> document,
                  Function<Element, T> mapping) {
        Element result = call(operation, false, invocation, document);
        try {
            return mapping.apply(result);
        } catch (RecordFormatException e) {
            throw new RetailExpressException.Business(operation, e.getMessage(), e);
        }
    }

    /** A throttle fault slows the whole budget down; a refused configuration turns health DOWN. */
    private RetailExpressException observed(String operation, RetailExpressException failure, long started) {
        timings.record(operation, CallTimings.outcomeOf(failure), System.nanoTime() - started);
        if (failure instanceof RetailExpressException.Throttled) {
            permits.throttled(operation);
        } else if (failure instanceof RetailExpressException.Configuration refused) {
            credentials.refused(refused);
        }
        return failure;
    }
}
