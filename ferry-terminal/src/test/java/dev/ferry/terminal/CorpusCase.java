package dev.ferry.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One recorded byte stream of the corpus, {@code NAME.COLSxROWS.raw}, with the checkpoints at which
 * the screen is compared: the offsets in the optional {@code NAME.COLSxROWS.cuts} (where the recorded
 * program sat idle), then the end of the file. See src/test/corpus-tools/capture.sh.
 */
record CorpusCase(Path file, String name, int cols, int rows, List<Long> checkpoints) {
    static final Path DIR = Path.of("src/test/resources/corpus");
    private static final Pattern NAME = Pattern.compile("(.+)\\.(\\d+)x(\\d+)\\.raw");

    static List<CorpusCase> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            List<CorpusCase> cases = files.filter(f -> f.toString().endsWith(".raw")).sorted().map(CorpusCase::of).toList();
            if (cases.isEmpty()) {
                throw new IllegalStateException("no corpus files in " + DIR.toAbsolutePath());
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusCase of(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("corpus file not named NAME.COLSxROWS.raw: " + file);
        }
        try {
            long size = Files.size(file);
            Path cutsFile = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.raw$", ".cuts"));
            List<Long> checkpoints = new ArrayList<>();
            if (Files.exists(cutsFile)) {
                for (String line : Files.readAllLines(cutsFile)) {
                    long cut = Long.parseLong(line.strip());
                    long last = checkpoints.isEmpty() ? 0 : checkpoints.getLast();
                    if (cut < last || cut > size) {
                        throw new IllegalArgumentException(cutsFile + ": offset " + cut + " is out of order or past the end");
                    }
                    if (cut > last && cut < size) {
                        checkpoints.add(cut);
                    }
                }
            }
            checkpoints.add(size);
            return new CorpusCase(file, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    List.copyOf(checkpoints));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
