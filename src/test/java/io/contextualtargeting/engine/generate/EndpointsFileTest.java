package io.contextualtargeting.engine.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsFileTest {
    private static final int USER_ID = 0;
    private static final int CHANNEL = 1;
    private static final int GENDER = 2;
    private static final int ADDRESS = 3;
    private static final int AGE = 4;
    private static final int OPT_OUT = 5;

    @TempDir
    static Path folder;
    private static GeneratedDataset dataset;
    private static Map<String, String[]> usersById;
    private static Map<String, Long> endpointsPerUser;

    @BeforeAll
    static void generate() throws IOException {
        dataset = GeneratedDataset.generate(GeneratorSettings.of(2000, 100, 5).withInteractionsPerUser(2), folder);
        usersById = dataset.users().stream().collect(Collectors.toMap(row -> row[0], Function.identity()));
        endpointsPerUser = dataset.endpoints().stream()
                .collect(Collectors.groupingBy(row -> row[USER_ID], Collectors.counting()));
    }

    @Test
    void everyEndpointHasUserChannelAndAddress() {
        assertThat(dataset.endpoints()).allSatisfy(row -> {
            assertThat(row).hasSize(6);
            assertThat(usersById).containsKey(row[USER_ID]);
            assertThat(row[CHANNEL]).isIn("EMAIL", "SMS");
            assertThat(row[ADDRESS]).isNotBlank();
        });
    }

    @Test
    void aFewUsersHaveNoEndpointAndSomeHaveTwo() {
        long none = usersById.keySet().stream().filter(id -> !endpointsPerUser.containsKey(id)).count();
        long two = endpointsPerUser.values().stream().filter(count -> count == 2).count();
        assertThat(none).isBetween(20L, 200L);
        assertThat(two).isBetween(200L, 600L);
        assertThat(endpointsPerUser.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 2L));
    }

    @Test
    void emailEndpointsUseTheUsersSyntheticAddressOnTheReservedDomain() {
        assertThat(dataset.endpoints()).filteredOn(row -> row[CHANNEL].equals("EMAIL")).allSatisfy(row -> {
            assertThat(row[ADDRESS]).endsWith("@example.com").isEqualTo(usersById.get(row[USER_ID])[2]);
        });
        assertThat(dataset.users()).extracting(row -> row[2]).doesNotHaveDuplicates();
    }

    @Test
    void smsEndpointsUseFictionalNumbers() {
        assertThat(dataset.endpoints()).filteredOn(row -> row[CHANNEL].equals("SMS")).isNotEmpty()
                .allSatisfy(row -> assertThat(row[ADDRESS]).matches("\\+1[2-9]\\d{2}55501\\d{2}"));
    }

    @Test
    void endpointAttributesMatchTheUser() {
        assertThat(dataset.endpoints()).allSatisfy(row -> {
            String[] user = usersById.get(row[USER_ID]);
            assertThat(row[GENDER]).isEqualTo(user[1]);
            assertThat(row[AGE]).isEqualTo(user[3]);
        });
    }

    @Test
    void aSmallShareOfEndpointsIsOptedOut() {
        Map<String, Long> optOut = dataset.endpoints().stream()
                .collect(Collectors.groupingBy(row -> row[OPT_OUT], Collectors.counting()));
        assertThat(optOut.keySet()).containsExactlyInAnyOrder("ALL", "NONE");
        assertThat(optOut.get("ALL")).isBetween(10L, 200L);
    }
}
