package io.rmqfleet.controller.playbook.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into {@link YamlNode}s with the line and column of every node, resolving scalars the way
 * Ansible's PyYAML does (YAML 1.1: {@code yes}/{@code on} are booleans, {@code 0755} is octal). Anchors, aliases and
 * {@code <<} merge keys are supported. Every problem becomes an {@link InputException} with {@code file:line:col}.
 */
public final class YamlLoader {

    /** Alias expansion ("billion laughs") guard: the document may not expand to more nodes than this. */
    static final long MAX_EXPANDED_NODES = 1_000_000;

    // A plain empty value (`vars:`) is null as in PyYAML; a quoted empty one stays "".
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
        .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private YamlLoader() {
    }

    /** Loads a file; a missing or empty file is reported as an error naming the file. */
    public static YamlNode load(Path file) {
        return load(file.toString(), readText(file));
    }

    /** Loads text; {@code source} is the name used in error locations. Empty input yields a null scalar. */
    public static YamlNode load(String source, String text) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            return new Reader(source, parser).document();
        } catch (InputException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw YamlErrors.translate(source, e);
        } catch (IOException | RuntimeException e) {
            // Jackson or SnakeYAML failing in a way it does not classify: still the operator's input at fault.
            throw new InputException(new SourceLocation(source, 1, 1),
                "cannot parse YAML: " + YamlErrors.firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    /** A UTF-8 text file; missing, unreadable or not UTF-8 is an {@link InputException} naming the file. */
    public static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException(new SourceLocation(file.toString(), 0, 0), "file not found");
        } catch (MalformedInputException e) {
            throw new InputException(new SourceLocation(file.toString(), 0, 0), "file is not valid UTF-8 text");
        } catch (CharacterCodingException e) {
            throw new InputException(new SourceLocation(file.toString(), 0, 0), "file is not valid UTF-8 text");
        } catch (IOException e) {
            throw new InputException(new SourceLocation(file.toString(), 0, 0), "cannot read file: " + e.getMessage());
        }
    }

    /** Builds the node tree from Jackson's token stream. */
    private static final class Reader {
        private final String source;
        private final YAMLParser parser;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final Map<YamlNode, Long> weights = new java.util.IdentityHashMap<>();

        Reader(String source, YAMLParser parser) {
            this.source = source;
            this.parser = parser;
        }

        YamlNode document() throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlScalar(null, new SourceLocation(source, 1, 1));
            }
            YamlNode root = node(first);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new InputException(here(), "only one YAML document is allowed per file (found a second one)");
            }
            return root;
        }

        private YamlNode node(JsonToken token) throws IOException {
            SourceLocation at = here();
            String anchor = parser.getCurrentAnchor();
            YamlNode result;
            switch (token) {
                case START_OBJECT -> result = mapping(at);
                case START_ARRAY -> result = sequence(at);
                default -> result = scalarOrAlias(token, at);
            }
            if (anchor != null && !parser.isCurrentAlias()) {
                anchors.put(anchor, result);
            }
            return result;
        }

        private YamlNode scalarOrAlias(JsonToken token, SourceLocation at) throws IOException {
            if (parser.isCurrentAlias()) {
                YamlNode target = anchors.get(parser.getText());
                if (target == null) {
                    throw new InputException(at, "unknown alias '*" + parser.getText() + "'");
                }
                return target;
            }
            YamlScalar scalar = new YamlScalar(ScalarResolver.resolve(token, parser), at);
            weights.put(scalar, 1L);
            return scalar;
        }

        private YamlMap mapping(SourceLocation at) throws IOException {
            List<YamlMap.Entry> entries = new ArrayList<>();
            Map<String, YamlMap.Entry> seen = new HashMap<>();
            List<YamlMap.Entry> merged = new ArrayList<>();
            long weight = 1;
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (t == null) {
                    throw new InputException(here(), "unexpected end of YAML inside a mapping");
                }
                SourceLocation keyAt = here();
                String name = parser.currentName();
                YamlScalar key = new YamlScalar(name, keyAt);
                YamlNode value = node(parser.nextToken());
                weight = addWeight(weight, value);
                if ("<<".equals(name)) {
                    collectMerge(value, merged);
                    continue;
                }
                YamlMap.Entry previous = seen.get(name);
                if (previous != null) {
                    throw new InputException(keyAt, "duplicate key '" + name + "' (first defined at line "
                        + previous.key().location().line() + ")");
                }
                YamlMap.Entry entry = new YamlMap.Entry(key, value);
                seen.put(name, entry);
                entries.add(entry);
            }
            // Explicit keys win over merged ones, as in YAML's merge-key spec.
            for (YamlMap.Entry m : merged) {
                if (!seen.containsKey(m.name())) {
                    seen.put(m.name(), m);
                    entries.add(m);
                }
            }
            YamlMap map = new YamlMap(entries, at);
            weights.put(map, weight);
            return map;
        }

        private void collectMerge(YamlNode value, List<YamlMap.Entry> merged) {
            if (value instanceof YamlMap m) {
                merged.addAll(m.entries());
            } else if (value instanceof YamlList l) {
                for (YamlNode item : l.items()) {
                    if (!(item instanceof YamlMap m)) {
                        throw new InputException(item.location(), "a '<<' merge key needs a mapping or a list of mappings");
                    }
                    merged.addAll(m.entries());
                }
            } else {
                throw new InputException(value.location(), "a '<<' merge key needs a mapping or a list of mappings");
            }
        }

        private YamlList sequence(SourceLocation at) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            long weight = 1;
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new InputException(here(), "unexpected end of YAML inside a list");
                }
                YamlNode item = node(t);
                weight = addWeight(weight, item);
                items.add(item);
            }
            YamlList list = new YamlList(items, at);
            weights.put(list, weight);
            return list;
        }

        private long addWeight(long total, YamlNode child) {
            long sum = total + weights.getOrDefault(child, 1L);
            if (sum > MAX_EXPANDED_NODES) {
                throw new InputException(child.location(),
                    "document expands to more than " + MAX_EXPANDED_NODES + " nodes (too many aliases)");
            }
            return sum;
        }

        private SourceLocation here() {
            JsonLocation loc = parser.currentTokenLocation();
            return new SourceLocation(source, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
        }
    }
}
