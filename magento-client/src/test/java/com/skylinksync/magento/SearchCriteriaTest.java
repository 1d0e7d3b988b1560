package com.skylinksync.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.magento.SearchCriteria.Condition;
import com.skylinksync.magento.SearchCriteria.Direction;
import com.skylinksync.magento.SearchCriteria.Filter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

    @Test
    void rendersFilterGroupsSortOrdersAndPagingInMagentosKeys() {
        SearchCriteria criteria = SearchCriteria.builder()
                .where(Filter.gteq("updated_at", "2026-01-02 03:04:05"))
                .whereAny(Filter.eq("group_id", "1"), Filter.in("group_id", List.of("2", "3")))
                .sortBy("updated_at", Direction.ASC)
                .sortBy("entity_id", Direction.DESC)
                .page(3, 50)
                .build();

        assertThat(decoded(criteria)).isEqualTo(String.join("&",
                "searchCriteria[filterGroups][0][filters][0][field]=updated_at",
                "searchCriteria[filterGroups][0][filters][0][value]=2026-01-02 03:04:05",
                "searchCriteria[filterGroups][0][filters][0][condition_type]=gteq",
                "searchCriteria[filterGroups][1][filters][0][field]=group_id",
                "searchCriteria[filterGroups][1][filters][0][value]=1",
                "searchCriteria[filterGroups][1][filters][0][condition_type]=eq",
                "searchCriteria[filterGroups][1][filters][1][field]=group_id",
                "searchCriteria[filterGroups][1][filters][1][value]=2,3",
                "searchCriteria[filterGroups][1][filters][1][condition_type]=in",
                "searchCriteria[sortOrders][0][field]=updated_at",
                "searchCriteria[sortOrders][0][direction]=ASC",
                "searchCriteria[sortOrders][1][field]=entity_id",
                "searchCriteria[sortOrders][1][direction]=DESC",
                "searchCriteria[pageSize]=50",
                "searchCriteria[currentPage]=3"));
    }

    @Test
    void encodesKeysAndValuesSoThatNothingInAValueCanBreakTheQuery() {
        String query = SearchCriteria.builder().where(Filter.eq("email", "ada+shop&co=1 #2@example.com")).build().toQuery();

        assertThat(query).isEqualTo("searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=email"
                + "&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=ada%2Bshop%26co%3D1%20%232%40example.com"
                + "&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=eq");
        assertThat(SearchCriteria.builder().where(Filter.eq("lastname", "Müller")).build().toQuery())
                .contains("%5Bvalue%5D=M%C3%BCller");
    }

    @Test
    void criteriaWithNothingInThemStillNameSearchCriteria() {
        assertThat(decoded(SearchCriteria.builder().build())).isEqualTo("searchCriteria[currentPage]=1");
    }

    @Test
    void everyConditionHasMagentosName() {
        assertThat(Condition.GTEQ.wire()).isEqualTo("gteq");
        assertThat(Condition.NOTNULL.wire()).isEqualTo("notnull");
        assertThat(new Filter("email", "%@example.com", Condition.NLIKE).condition().wire()).isEqualTo("nlike");
    }

    @Test
    void refusesWhatMagentoWouldReadWrongly() {
        assertThatThrownBy(() -> Filter.in("id", List.of("1", "2,3"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.in("id", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchCriteria.builder().page(0, 10).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchCriteria.builder().page(1, 0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchCriteria.builder().whereAny().build()).isInstanceOf(IllegalArgumentException.class);
    }

    private static String decoded(SearchCriteria criteria) {
        return URLDecoder.decode(criteria.toQuery().replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
