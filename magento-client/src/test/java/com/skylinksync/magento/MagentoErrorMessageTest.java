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
    void fillsTypedParametersWhateverTheirJsonType() {
        assertThat(MagentoErrorMessage.decode(json, """
                {"message": "Invalid value of \\"%value\\" provided for the %fieldName field.", "parameters": {"fieldName": "taxClassId", "value": 9999}}"""))
                .isEqualTo("Invalid value of \"9999\" provided for the taxClassId field.");
        assertThat(MagentoErrorMessage.decode(json, """
                {"message": "The sort order has to be specified as %1 for ascending order or %2 for descending order.", "parameters": ["ASC", "DESC"]}"""))
                .isEqualTo("The sort order has to be specified as ASC for ascending order or DESC for descending order.");
    }

    @Test
    void tellsAMissingEntityFromAMissingRoute() {
        assertThat(MagentoErrorMessage.isEntityNotFound(json, """
                {"message": "No such entity with %fieldName = %fieldValue", "parameters": {"fieldName": "id", "fieldValue": 88}}""")).isTrue();
        assertThat(MagentoErrorMessage.isEntityNotFound(json, "{\"message\": \"Requested country is not available.\"}")).isTrue();
        assertThat(MagentoErrorMessage.isEntityNotFound(json, "{\"message\": \"Request does not match any route.\"}")).isFalse();
        assertThat(MagentoErrorMessage.isEntityNotFound(json, "<html><body>404 Not Found</body></html>")).isFalse();
        assertThat(MagentoErrorMessage.isEntityNotFound(json, "")).isFalse();
        assertThat(MagentoErrorMessage.isEntityNotFound(json, "[\"message\"]")).isFalse();
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
