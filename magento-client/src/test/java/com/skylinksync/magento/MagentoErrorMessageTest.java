package com.skylinksync.magento;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MagentoErrorMessageTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void fillsPositionalParametersFromAList() {
        assertThat(MagentoErrorMessage.decode(json, """
                {"message": "\\"%1\\" is not a valid %2, and %1 is not %10.", "parameters": ["x", "email address"]}"""))
                .isEqualTo("\"x\" is not a valid email address, and x is not %10.");
    }

    @Test
    void fillsNamedParametersFromAnObject() {
        assertThat(MagentoErrorMessage.decode(json, """
                {"message": "No such entity with %fieldName = %fieldValue, %other", "parameters": {"fieldName": "customerId", "fieldValue": 7}}"""))
                .isEqualTo("No such entity with customerId = 7, %other");
    }

    @Test
    void appendsTheDetailsOfSeveralInputErrors() {
        assertThat(MagentoErrorMessage.decode(json, """
                {"message": "One or more input exceptions have occurred.", "errors": [
                  {"message": "\\"%fieldName\\" is required. Enter and try again.", "parameters": {"fieldName": "city"}},
                  {"message": "\\"%fieldName\\" is required. Enter and try again.", "parameters": {"fieldName": "postcode"}}]}"""))
                .isEqualTo("One or more input exceptions have occurred. \"city\" is required. Enter and try again.; "
                        + "\"postcode\" is required. Enter and try again.");
    }

    @Test
    void quotesBodiesThatAreNotMagentos() {
        assertThat(MagentoErrorMessage.decode(json, "<html>\n<body>502 Bad Gateway</body>\n</html>"))
                .isEqualTo("<html> <body>502 Bad Gateway</body> </html>");
        assertThat(MagentoErrorMessage.decode(json, "x".repeat(500))).hasSize(203);
        assertThat(MagentoErrorMessage.decode(json, "")).isEqualTo("no error message");
        assertThat(MagentoErrorMessage.decode(json, "{\"message\": \"$1 and \\\\ stay\", \"parameters\": []}"))
                .isEqualTo("$1 and \\ stay");
    }
}
