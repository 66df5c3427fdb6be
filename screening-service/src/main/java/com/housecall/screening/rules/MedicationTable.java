package com.housecall.screening.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Table positions of the names, by their first word: an entry is matched in one pass over its words. */
    private final Map<String, int[]> byFirstWord;

    private MedicationTable(List<Name> names) {
        this.names = names;
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).words().isEmpty()) {
                index.computeIfAbsent(names.get(i).words().getFirst(), word -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> positions = new HashMap<>();
        index.forEach((word, list) -> positions.put(word, list.stream().mapToInt(Integer::intValue).toArray()));
        this.byFirstWord = Map.copyOf(positions);
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

    /** The interacting drug a patient's entry names, if any: the first in table order when it names several. */
    public Optional<Match> match(String entry) {
        List<String> words = words(entry);
        int best = Integer.MAX_VALUE;
        for (int start = 0; start < words.size(); start++) {
            int[] candidates = byFirstWord.get(words.get(start));
            if (candidates == null) {
                continue;
            }
            for (int position : candidates) {
                if (position < best && runAt(words, start, names.get(position).words())) {
                    best = position;
                }
            }
        }
        if (best == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Name name = names.get(best);
        return Optional.of(new Match(name.generic(), name.drugClass()));
    }

    /** Lower-case ASCII letters and digits; every other run of characters separates words. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean runAt(List<String> words, int start, List<String> run) {
        if (start + run.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < run.size(); i++) {
            if (!words.get(start + i).equals(run.get(i))) {
                return false;
            }
        }
        return true;
    }
}
