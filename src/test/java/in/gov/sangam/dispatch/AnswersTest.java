package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void anAnswerWithADoctypeIsNotParsedSoNoEntityIsEverResolved() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><r>&x;</r>";

        assertThatThrownBy(() -> Answers.xml(hostile)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void soapClientFaultsAndTheirRefinementsAreTheRequestsFault() {
        assertThat(fault("soapenv:Client").isClientFault()).isTrue();
        assertThat(fault("soap:Client.Validation").isClientFault()).isTrue();
        assertThat(fault("soapenv:Server").isClientFault()).isFalse();
        assertThat(fault("soapenv:ClientTimeout").isClientFault()).isFalse();
    }

    @Test
    void aFaultIsFoundInAnyAnswerAndReadWithItsMessage() {
        Answers.SoapFault fault = Answers.soapFault("<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<e:Body><e:Fault><faultcode>e:Server</faultcode><faultstring>Down for maintenance</faultstring>"
                + "</e:Fault></e:Body></e:Envelope>").orElseThrow();

        assertThat(fault.code()).isEqualTo("e:Server");
        assertThat(fault.message()).isEqualTo("Down for maintenance");
        assertThat(Answers.soapFault("<ok/>")).isEmpty();
    }

    private static Answers.SoapFault fault(String code) {
        return new Answers.SoapFault(code, "why");
    }
}
