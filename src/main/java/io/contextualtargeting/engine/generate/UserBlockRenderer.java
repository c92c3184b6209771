package io.contextualtargeting.engine.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Renders a range of users into CSV rows. A pure function of the range (each user has their own
 * random streams), so blocks can be rendered on any thread and concatenated in order.
 */
final class UserBlockRenderer {
    private static final byte[][] EVENT_TYPES = new byte[UserEvents.TYPES][];

    static {
        for (byte type = 0; type < UserEvents.TYPES; type++) {
            EVENT_TYPES[type] = UserEvents.typeName(type).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final SyntheticWorld world;
    private final byte[][] itemIds;

    UserBlockRenderer(SyntheticWorld world) {
        this.world = world;
        this.itemIds = world.catalog().items().stream().map(item -> item.id().getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new);
    }

    RenderedBlock render(int fromUser, int toUser) {
        InteractionSimulator simulator = new InteractionSimulator(world.catalog(), world.settings().shape().events());
        UserEvents events = new UserEvents();
        int userCount = toUser - fromUser;
        int expected = userCount * world.settings().interactionsPerUser();
        AsciiBuffer users = new AsciiBuffer(userCount * 48);
        AsciiBuffer interactions = new AsciiBuffer(expected * 32);
        AsciiBuffer endpoints = new AsciiBuffer(userCount * 72);
        int[] interacted = new int[Math.max(16, expected)];
        int interactionCount = 0;
        int endpointCount = 0;
        for (int index = fromUser; index < toUser; index++) {
            UserProfile user = world.population().profile(index);
            simulator.simulate(user, RandomStream.of(world.settings().seed(), RandomStream.Purpose.USER_EVENTS, index),
                    events);
            users.text(user.id()).comma().text(user.gender()).comma().text(user.email()).comma().number(user.age())
                    .newline();
            for (Endpoint endpoint : user.endpoints()) {
                endpoints.text(user.id()).comma().text(endpoint.channelType()).comma().text(user.gender()).comma()
                        .text(endpoint.address()).comma().number(user.age()).comma().text(endpoint.optOut()).newline();
                endpointCount++;
            }
            if (interactionCount + events.size > interacted.length) {
                interacted = Arrays.copyOf(interacted, Math.max(interacted.length * 2, interactionCount + events.size));
            }
            byte[] userId = user.id().getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < events.size; i++) {
                int item = events.items[i];
                interactions.bytes(userId).comma().bytes(itemIds[item]).comma().hundredths(events.values[i])
                        .comma().bytes(EVENT_TYPES[events.types[i]]).comma().number(events.times[i]).newline();
                interacted[interactionCount++] = item;
            }
        }
        return new RenderedBlock(users, interactions, endpoints, interacted, interactionCount, endpointCount);
    }
}
