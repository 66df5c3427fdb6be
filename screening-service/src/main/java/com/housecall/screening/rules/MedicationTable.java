package com.housecall.screening.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The interacting-medications table (a data file, not code) and the matching CLINICAL-RULES.md asks for: any
 * case, generic or brand, whole words after dose, units, form and punctuation are folded away; no spelling
 * correction. "Percocet 5/325" and "oxycodone/acetaminophen" are oxycodone; "hydromorphone" is not morphine.
 */
public final class MedicationTable {

    /** A generic drug, its class, and one of its names as whole normalised words. */
    record Name(List<String> words, String generic, String drugClass) {
    }

    public record Match(String generic, String drugClass) {
    }

    private final List<Name> names;

    private MedicationTable(List<Name> names) {
        this.names = names;
    }

    public static MedicationTable load(InputStream csv) {
        List<Name> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(";", -1);
                String drugClass = columns[0].trim();
                String generic = columns[1].trim();
                names.add(new Name(words(generic), generic, drugClass));
                for (String brand : columns[2].split("\\|")) {
                    if (!brand.isBlank()) {
                        names.add(new Name(words(brand), generic, drugClass));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MedicationTable(List.copyOf(names));
    }

    public static MedicationTable standard() {
        return load(MedicationTable.class.getResourceAsStream("/interacting-medications.csv"));
    }

    /** The interacting drug a patient's entry names, if any. */
    public Optional<Match> match(String entry) {
        List<String> words = words(entry);
        for (Name name : names) {
            if (containsRun(words, name.words())) {
                return Optional.of(new Match(name.generic(), name.drugClass()));
            }
        }
        return Optional.empty();
    }

    static List<String> words(String text) {
        String folded = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        for (int i = 0; i + run.size() <= words.size(); i++) {
            if (words.subList(i, i + run.size()).equals(run)) {
                return true;
            }
        }
        return false;
    }
}
