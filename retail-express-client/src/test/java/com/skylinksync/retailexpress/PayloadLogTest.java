package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PayloadLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(PayloadLog.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;
    private RetailExpressSimulator simulator;

    @BeforeEach
    void capture() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        simulator.close();
    }

    @Test
    void masksHeaderAndEscapedCustomerPasswords() {
        PayloadLog log = new PayloadLog("sandbox-secret");

        assertThat(log.mask("<ns2:Password>sandbox-secret</ns2:Password><X>sandbox-secret</X>"))
                .isEqualTo("<ns2:Password>****</ns2:Password><X>****</X>");
        assertThat(log.mask("<CustomerXML>&lt;Password&gt;hello123&lt;/Password&gt;&lt;BillFirstName&gt;"))
                .isEqualTo("<CustomerXML>&lt;Password&gt;****&lt;/Password&gt;&lt;BillFirstName&gt;");
        assertThat(log.mask("<Password xmlns=\"urn:x\">a\nb</Password>")).isEqualTo("<Password xmlns=\"urn:x\">****</Password>");
    }

    @Test
    void logsRequestsAndResponsesWithPasswordsMaskedWhenEnabled() {
        var client = customersOf(new RetailExpressSettings(simulator.soapEndpoint(), simulator.clientId(),
                simulator.username(), simulator.password(), Duration.ofSeconds(2), Duration.ofSeconds(10), true));

        client.createOrUpdateCustomer(new CustomerUpdate(null, "hello123", "log@example.com",
                new Contact("Log", "Test", "", Address.EMPTY, "", ""), Contact.EMPTY, false));
        client.getCustomer(300000);

        List<String> messages = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).hasSize(4);
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("RE request").contains("ClientHeader")
                .contains("CustomerCreateUpdate").contains("Password>****<").contains("&lt;Password&gt;****"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("RE response").contains("Joey"));
        assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain(simulator.password(), "hello123"));
    }

    @Test
    void logsNothingWhenDisabled() {
        var client = customersOf(new RetailExpressSettings(simulator.soapEndpoint(), simulator.clientId(),
                simulator.username(), simulator.password(), null, null, false));

        client.getCustomer(300000);

        assertThat(appender.list).isEmpty();
    }

    private static RetailExpressCustomers customersOf(RetailExpressSettings settings) {
        return new RetailExpressCustomers(new RetailExpressTransport(settings));
    }
}
