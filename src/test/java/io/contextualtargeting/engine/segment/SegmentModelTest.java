package io.contextualtargeting.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.engine.PlantedTastes;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.AttributeTerm;
import io.contextualtargeting.formats.query.ItemQuery;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentModelTest {
    private static final int GROUP = 40;
    private static final TrainingData DATA = new PlantedTastes(GROUP, 30, 6, 11).read();
    private static final SegmentModel MODEL = SegmentModelTrainer.train(DATA,
            TrainingParameters.defaults().withFactors(8).withIterations(8).withThreads(2));

    @Test
    void itemQueryRanksTheGroupThatWatchesItsGenreFirst() {
        assertThat(ids(MODEL.topUsers(new ItemQuery("a7"), GROUP))).allMatch(id -> id.startsWith("auser"));
        assertThat(ids(MODEL.topUsers(new ItemQuery("d7"), GROUP))).allMatch(id -> id.startsWith("duser"));
    }

    @Test
    void attributeQueryRanksTheGroupThatWatchesItsGenreFirst() {
        assertThat(ids(MODEL.topUsers(attribute(new AttributeTerm("GENRES", "Drama")), GROUP)))
                .allMatch(id -> id.startsWith("duser"));
        assertThat(ids(MODEL.topUsers(attribute(new AttributeTerm("GENRES", "Adventure")), GROUP)))
                .allMatch(id -> id.startsWith("auser"));
    }

    @Test
    void differentItemsOfOneGenreGiveDifferentSegments() {
        TrainingData data = new DistinctViews(30, 20, 6, 0).read();
        SegmentModel model = SegmentModelTrainer.train(data, TrainingParameters.defaults().withFactors(8).withThreads(1));

        assertThat(ids(model, model.topUsers(new ItemQuery("a3"), 10)))
                .isNotEqualTo(ids(model, model.topUsers(new ItemQuery("a4"), 10)));
    }

    @Test
    void whenNobodyRepeatsUsersWhoHadTheItemComeAfterThoseWhoDidNot() {
        DistinctViews views = new DistinctViews(30, 20, 6, 0);
        TrainingData data = views.read();
        SegmentModel model = SegmentModelTrainer.train(data, TrainingParameters.defaults().withFactors(8).withThreads(1));
        List<String> watchers = views.watchersOf("a3");

        assertThat(watchers).isNotEmpty();
        assertThat(ids(model, model.topUsers(new ItemQuery("a3"), 30 - watchers.size()))).doesNotContainAnyElementsOf(watchers);
    }

    @Test
    void whenUsersOftenRepeatUsersWhoHadTheItemComeFirst() {
        DistinctViews views = new DistinctViews(30, 20, 6, 2);
        TrainingData data = views.read();
        SegmentModel model = SegmentModelTrainer.train(data, TrainingParameters.defaults().withFactors(8).withThreads(1));
        List<String> watchers = views.watchersOf("a3");

        assertThat(ids(model, model.topUsers(new ItemQuery("a3"), watchers.size()))).containsExactlyInAnyOrderElementsOf(watchers);
    }

    @Test
    void topUsersAreTheUsersTheDenseScoresRankFirst() {
        SegmentQuery query = attribute(new AttributeTerm("GENRES", "Action"), new AttributeTerm("YEAR", "2001"));
        float[] scores = new float[MODEL.userCount()];
        MODEL.score(query, scores);

        assertThat(MODEL.topUsers(query, 25)).containsExactly(TopUsers.select(scores, 25));
    }

    @Test
    void numResultsBeyondTheUserCountGivesEveryRankableUser() {
        assertThat(MODEL.topUsers(new ItemQuery("a1"), 10_000)).hasSize(2 * GROUP).doesNotHaveDuplicates();
    }

    @Test
    void usersWithoutTrainingInteractionsAreNeverRanked() {
        int excluded = DATA.users().indexOf("auser3");
        TrainingData subset = DATA.select(i -> DATA.user(i) != excluded);
        SegmentModel model = SegmentModelTrainer.train(subset, TrainingParameters.defaults().withFactors(8).withIterations(2));
        float[] scores = new float[model.userCount()];
        model.score(new ItemQuery("a1"), scores);

        assertThat(scores[excluded]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(model.topUsers(new ItemQuery("a1"), 10_000)).hasSize(2 * GROUP - 1).doesNotContain(excluded);
        assertThat(model.rankableUserCount()).isEqualTo(2 * GROUP - 1);
    }

    @Test
    void unknownItemCannotBeAnswered() {
        assertThatThrownBy(() -> MODEL.topUsers(new ItemQuery("zz"), 5))
                .isInstanceOf(UnanswerableQueryException.class)
                .extracting(e -> ((UnanswerableQueryException) e).problem())
                .isEqualTo("item 'zz' is not in the training data");
    }

    @Test
    void itemWithoutInteractionsCannotBeAnswered() {
        int unwatched = DATA.items().indexOf("a0");
        TrainingData subset = DATA.select(i -> DATA.item(i) != unwatched);
        SegmentModel model = SegmentModelTrainer.train(subset, TrainingParameters.defaults().withFactors(4).withIterations(1));

        assertThatThrownBy(() -> model.topUsers(new ItemQuery("a0"), 5))
                .hasMessageContaining("item 'a0' has no interactions in the training data");
    }

    @Test
    void attributeValueNoItemHasCannotBeAnswered() {
        assertThatThrownBy(() -> MODEL.topUsers(attribute(new AttributeTerm("GENRES", "Western")), 5))
                .extracting(e -> ((UnanswerableQueryException) e).problem())
                .isEqualTo("no item has ITEMS.GENRES = \"Western\"");
    }

    @Test
    void termsNoItemMatchesTogetherCannotBeAnswered() {
        assertThatThrownBy(() -> MODEL.topUsers(attribute(new AttributeTerm("GENRES", "Drama"),
                new AttributeTerm("GENRES", "Action")), 5))
                .extracting(e -> ((UnanswerableQueryException) e).problem())
                .isEqualTo("no item matches every term of the expression");
    }

    private static AttributeQuery attribute(AttributeTerm... terms) {
        return new AttributeQuery("test", List.of(terms));
    }

    private static List<String> ids(int[] users) {
        return ids(MODEL, users);
    }

    private static List<String> ids(SegmentModel model, int[] users) {
        return Arrays.stream(users).mapToObj(model.users()::id).toList();
    }
}
