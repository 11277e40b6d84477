package org.reeltrace.cli.workflow;

import org.reeltrace.cli.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recipients CSV of a release: {@code name,publicKey?} per line, an optional header line
 * starting with {@code name}, {@code #} comments. Names become file names, so they are restricted
 * to letters, digits, dot, dash and underscore.
 */
public record RecipientList(List<Recipient> recipients) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public record Recipient(String name, Optional<String> publicKey) {
    }

    public static RecipientList read(Path csv) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(csv.toString());
        }
        List<Recipient> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String name = cells[0].strip();
            if (out.isEmpty() && name.toLowerCase(Locale.ROOT).equals("name")) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException("\"" + csv + "\" line " + (i + 1) + ": recipient name \"" + name
                        + "\" is not a plain name", "use letters, digits, '.', '-' and '_' (it becomes a file name)");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("\"" + csv + "\" line " + (i + 1) + ": recipient \"" + name + "\" is listed twice", null);
            }
            String key = cells.length > 1 ? cells[1].strip() : "";
            out.add(new Recipient(name, key.isEmpty() ? Optional.empty() : Optional.of(key)));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("\"" + csv + "\" lists no recipients", "one line per recipient: name,publicKey");
        }
        return new RecipientList(List.copyOf(out));
    }
}
