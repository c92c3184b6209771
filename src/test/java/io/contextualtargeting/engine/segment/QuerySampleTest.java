package io.contextualtargeting.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.formats.data.CsvData;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuerySampleTest {
    /** Items a..e with 5, 4, 3, 2 and 1 interactions; f has none. */
    private static final TrainingData DATA = CsvData.read(
            "ITEM_ID,GENRES,TITLE\na,Drama|Comedy,A\nb,Drama,B\nc,Comedy,C\nd,Horror,D\ne,Drama,E\nf,Western,F\n",
            "u1,a,1", "u2,a,2", "u3,a,3", "u4,a,4", "u5,a,5", "u1,b,6", "u2,b,7", "u3,b,8", "u4,b,9",
            "u1,c,10", "u2,c,11", "u3,c,12", "u1,d,13", "u2,d,14", "u1,e,15");

    @Test
    void itemsAreSpreadEvenlyFromTheMostToTheLeastInteracted() {
        assertThat(values(QuerySample.items(DATA, 3))).containsExactly("a", "c", "e");
        assertThat(values(QuerySample.items(DATA, 10))).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void onlyEligibleItemsAreSpread() {
        int c = DATA.items().indexOf("c");
        int d = DATA.items().indexOf("d");
        assertThat(values(QuerySample.items(DATA, 10, item -> item != c && item != d))).containsExactly("a", "b", "e");
        assertThat(values(QuerySample.items(DATA, 2, item -> item != c && item != d))).containsExactly("a", "e");
    }

    @Test
    void attributesAreCategoricalValuesSeveralItemsShareMostInteractedFirst() {
        // Drama: a, b, e (10 interactions); Comedy: a, c (8); Horror and Western have one item each
        assertThat(values(QuerySample.attributes(DATA, 20)))
                .containsExactly("ITEMS.GENRES = \"Drama\"", "ITEMS.GENRES = \"Comedy\"");
        assertThat(values(QuerySample.attributes(DATA, 1))).containsExactly("ITEMS.GENRES = \"Drama\"");
    }

    private static List<String> values(List<SegmentQuery> queries) {
        return queries.stream().map(SegmentQuery::value).toList();
    }
}
