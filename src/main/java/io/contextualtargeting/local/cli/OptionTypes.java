package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.eval.MatrixSetting;
import io.contextualtargeting.engine.eval.QualityMatrix;
import io.contextualtargeting.engine.generate.WorldShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The checked types of the CLI's options: paths that must be a file or a folder, and values out of a
 * fixed list. Picocli applies them while parsing, so a bad value stops the command before it reads
 * or writes anything, with a message naming the option and the value.
 */
final class OptionTypes {

    private OptionTypes() {
    }

    /** A file to read: it exists and is not a folder. */
    static final class InputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = notAFolder(value, "give a file");
            if (!Files.isRegularFile(path)) {
                throw new TypeConversionException("no such file " + value);
            }
            return path;
        }
    }

    /** A folder to read: it exists and is a folder. */
    static final class InputFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = notAFile(value);
            if (!Files.isDirectory(path)) {
                throw new TypeConversionException("no such folder " + value);
            }
            return path;
        }
    }

    /** A file to write: not an existing folder, and no file where its folders are to be created. */
    static final class OutputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = notAFolder(value, "give the path of a file to write");
            requireFolders(value, path.toAbsolutePath().getParent());
            return path;
        }
    }

    /** A folder to write into or read from: not an existing file (it need not exist yet). */
    static final class Folder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = notAFile(value);
            requireFolders(value, path.toAbsolutePath().getParent());
            return path;
        }
    }

    private static Path notAFolder(String value, String fix) {
        Path path = Path.of(value);
        if (Files.isDirectory(path)) {
            throw new TypeConversionException(value + " is a folder; " + fix);
        }
        return path;
    }

    private static Path notAFile(String value) {
        Path path = Path.of(value);
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new TypeConversionException(value + " is a file; give a folder");
        }
        return path;
    }

    /** The existing part of {@code folder} is folders: the missing ones can be created. */
    private static void requireFolders(String value, Path folder) {
        for (Path at = folder; at != null; at = at.getParent()) {
            if (Files.exists(at)) {
                if (!Files.isDirectory(at)) {
                    throw new TypeConversionException(value + " is inside " + at + ", which is a file, not a folder");
                }
                return;
            }
        }
    }

    /** A value out of a fixed list, case-sensitive; also the list help and completion show. */
    abstract static class Choices implements ITypeConverter<String>, Iterable<String> {
        private final List<String> values;

        Choices(List<String> values) {
            this.values = values;
        }

        @Override
        public String convert(String value) {
            if (!values.contains(value)) {
                throw new TypeConversionException("expected one of " + String.join(", ", values)
                        + " (case-sensitive) but was '" + value + "'");
            }
            return value;
        }

        @Override
        public Iterator<String> iterator() {
            return values.iterator();
        }
    }

    /** The template's SegmentFileForm: user ids or (with Pinpoint) endpoint ids. */
    static final class SegmentFileForms extends Choices {
        SegmentFileForms() {
            super(List.of("User.UserId", "Id"));
        }
    }

    /** The template's SegmentationEngine. */
    static final class SegmentationEngines extends Choices {
        SegmentationEngines() {
            super(List.of("Personalize", "Embedded"));
        }
    }

    /** The template's PinpointProjectId: none, create, or (AllowedPattern) a 32-character project id. */
    static final class PinpointProjectIds extends Choices {
        private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-fA-F]{32}");

        PinpointProjectIds() {
            super(List.of("none", "create"));
        }

        @Override
        public String convert(String value) {
            if (PROJECT_ID.matcher(value).matches()) {
                return value;
            }
            try {
                return super.convert(value);
            } catch (TypeConversionException e) {
                throw new TypeConversionException("expected none, create or a 32-character Pinpoint project id but was '"
                        + value + "'");
            }
        }
    }

    /** {@code generate --events}. */
    static final class EventStyles extends Choices {
        EventStyles() {
            super(Arrays.stream(WorldShape.EventStyle.values()).map(WorldShape.EventStyle::cliName).toList());
        }
    }

    /** {@code benchmark quality --setting}: the quality matrix's settings. */
    static final class MatrixSettings extends Choices {
        MatrixSettings() {
            super(QualityMatrix.full().stream().map(MatrixSetting::name).toList());
        }
    }

    /** {@code benchmark quality --matrix}: every setting or the two small ones CI runs. */
    static final class MatrixSizes extends Choices {
        MatrixSizes() {
            super(List.of("full", "small"));
        }
    }
}
