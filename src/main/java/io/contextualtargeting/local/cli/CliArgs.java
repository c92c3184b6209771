package io.contextualtargeting.local.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The arguments of a command: {@code --name value} options, {@code --flag} switches and positional
 * words. A command declares which switches it knows; every option and switch must be consumed,
 * so a mistyped option is an error rather than silently ignored.
 */
public final class CliArgs {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> switches = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    private CliArgs() {
    }

    /** Parses {@code args}; names in {@code switchNames} (without dashes) take no value. */
    public static CliArgs parse(List<String> args, Set<String> switchNames) {
        CliArgs parsed = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                parsed.options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (switchNames.contains(name)) {
                parsed.switches.add(name);
            } else if (i + 1 < args.size()) {
                parsed.options.put(name, args.get(++i));
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
        }
        return parsed;
    }

    public Optional<String> option(String name) {
        used.add(name);
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("missing option --" + name));
    }

    public String option(String name, String fallback) {
        return option(name).orElse(fallback);
    }

    public Path path(String name, String fallback) {
        return Path.of(option(name, fallback));
    }

    public Path requiredPath(String name) {
        return Path.of(required(name));
    }

    public int intOption(String name, int fallback) {
        return option(name).map(v -> parseNumber(name, v, Integer::parseInt)).orElse(fallback);
    }

    public long longOption(String name, long fallback) {
        return option(name).map(v -> parseNumber(name, v, Long::parseLong)).orElse(fallback);
    }

    /** A finite decimal number, when the option is given. */
    public Optional<Double> doubleOption(String name) {
        return option(name).map(v -> parseNumber(name, v, text -> {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        }));
    }

    public boolean flag(String name) {
        used.add(name);
        return switches.contains(name);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Fails on options or switches that no call above asked for. */
    public void rejectUnknown() {
        for (String name : options.keySet()) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
        for (String name : switches) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    private static <T> T parseNumber(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " expects a number, got '" + value + "'");
        }
    }

    /** A command line that does not fit the command: printed with the usage, exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
