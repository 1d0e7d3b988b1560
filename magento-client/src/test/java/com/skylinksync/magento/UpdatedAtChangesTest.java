package com.skylinksync.magento;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared Magento change-source poll, over a search that pages and sorts as Magento's collection search does. */
class UpdatedAtChangesTest {

    record Entity(long id, String updatedAt, String content) {
    }

    private final List<Entity> collection = new ArrayList<>();
    private final List<SearchCriteria> asked = new ArrayList<>();

    private final UpdatedAtChanges<Entity> changes = new UpdatedAtChanges<>(this::search, Entity::id,
            Entity::updatedAt, e -> e.id() + ":" + e.content());

    @Test
    void readsEveryPageOnceInUpdatedAtOrderAndAdvancesTheCursor() {
        for (int i = 1; i <= 5; i++) {
            collection.add(new Entity(i, "2026-12-01 08:00:0" + (6 - i), "v1"));
        }
        var advance = changes.since("2026-12-01 08:00:00", 2);

        assertThat(advance.fresh()).extracting(Entity::id).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(asked).hasSize(3).allSatisfy(c -> assertThat(c.toQuery())
                .contains("updated_at").contains("gteq").contains("entity_id"));
        assertThat(advance.next().render()).isEqualTo("2026-12-01 08:00:05|1:v1");
    }

    @Test
    void aVersionPublishedAtTheMarksSecondIsLeftOutButALaterSaveInThatSecondIsNot() {
        collection.add(new Entity(1, "2026-12-01 08:00:05", "v1"));
        String cursor = changes.since("2026-12-01 08:00:00", 10).next().render();
        assertThat(changes.since(cursor, 10).fresh()).isEmpty();

        collection.set(0, new Entity(1, "2026-12-01 08:00:05", "v2"));
        var again = changes.since(cursor, 10);
        assertThat(again.fresh()).extracting(Entity::content).containsExactly("v2");
        assertThat(again.next().published()).containsExactlyInAnyOrder("1:v1", "1:v2");
    }

    private SearchResult<Entity> search(SearchCriteria criteria) {
        asked.add(criteria);
        String mark = criteria.filterGroups().getFirst().filters().getFirst().value();
        List<Entity> matching = collection.stream().filter(e -> e.updatedAt().compareTo(mark) >= 0)
                .sorted(Comparator.comparing(Entity::updatedAt).thenComparingLong(Entity::id)).toList();
        int from = (criteria.currentPage() - 1) * criteria.pageSize();
        return new SearchResult<>(matching.subList(Math.min(from, matching.size()),
                Math.min(from + criteria.pageSize(), matching.size())), matching.size());
    }
}
