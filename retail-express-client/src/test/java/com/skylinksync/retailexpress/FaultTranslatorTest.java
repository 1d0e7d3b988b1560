package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

class FaultTranslatorTest {

    private final FaultTranslator translator = new FaultTranslator();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The client ID provided is not valid                          | Configuration | Configuration",
            "Authentication failed: invalid username or password          | Configuration | Configuration",
            "API throttle limit exceeded                                  | Throttled     | Throttled",
            "Request THROTTLED: 25 calls per second                       | Throttled     | Throttled",
            "The operation has timed out                                  | Transient     | Uncertain",
            "Server was unable to process request. ---> Root element is missing. | Business | Business"})
    void classifiesFaultsByTheirReason(String reason, String read, String write) throws Exception {
        SOAPFaultException fault = new SOAPFaultException(SOAPFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL)
                .createFault(reason, SOAPConstants.SOAP_RECEIVER_FAULT));

        assertThat(translator.fault("Op", false, fault).getClass().getSimpleName()).isEqualTo(read);
        assertThat(translator.fault("Op", true, fault).getClass().getSimpleName()).isEqualTo(write);
        assertThat(translator.fault("Op", false, fault)).hasMessageContaining(reason);
    }

    @Test
    void aConnectionNeverMadeIsTransientEvenForWrites() {
        var refused = new WebServiceException(new ConnectException("Connection refused"));
        var connectTimeout = new WebServiceException(new SocketTimeoutException("Connect timed out"));

        assertThat(translator.transport("Op", true, refused)).isInstanceOf(RetailExpressException.Transient.class);
        assertThat(translator.transport("Op", true, connectTimeout)).isInstanceOf(RetailExpressException.Transient.class);
    }

    @Test
    void aLostAnswerIsTransientForReadsAndUncertainForWrites() {
        var readTimeout = new WebServiceException(new SocketTimeoutException("Read timed out"));

        assertThat(translator.transport("Op", false, readTimeout)).isInstanceOf(RetailExpressException.Transient.class);
        assertThat(translator.transport("Op", true, readTimeout)).isInstanceOf(RetailExpressException.Uncertain.class);
    }

    @ParameterizedTest
    @CsvSource({"401,Configuration,Configuration", "404,Configuration,Configuration", "429,Throttled,Throttled",
            "400,Business,Business", "500,Transient,Uncertain", "503,Transient,Uncertain"})
    void classifiesHttpStatusesWithoutAFault(int status, String read, String write) {
        var failure = new WebServiceException("The server sent HTTP status code " + status + ": Whatever");

        assertThat(translator.transport("Op", false, failure).getClass().getSimpleName()).isEqualTo(read);
        assertThat(translator.transport("Op", true, failure).getClass().getSimpleName()).isEqualTo(write);
    }

    @Test
    void errorsInsideAResultAreBusinessFailuresWithRetailExpressWords() throws Exception {
        Element result = RawSoap.parse("<Response><Error> Order not found </Error><Orders><Error>Bad id\n</Error>"
                + "</Orders></Response>").getDocumentElement();

        assertThatThrownBy(() -> translator.checkResult("GetOrder", result))
                .isInstanceOf(RetailExpressException.Business.class)
                .hasMessage("GetOrder: RE reported the errors: \"Order not found Bad id\"");
    }

    @Test
    void theClientIdTextInsideAResultIsAConfigurationFailure() throws Exception {
        Element result = RawSoap.parse("<Response><Message>The client ID provided is not valid</Message></Response>")
                .getDocumentElement();

        assertThatThrownBy(() -> translator.checkResult("GetCustomers", result))
                .isInstanceOf(RetailExpressException.Configuration.class);
    }

    @Test
    void aCleanResultPasses() throws Exception {
        Element result = RawSoap.parse("<Response><Customers/></Response>").getDocumentElement();

        assertThatCode(() -> translator.checkResult("GetCustomers", result)).doesNotThrowAnyException();
    }
}
