package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document the way Ansible's loader (PyYAML + AnsibleConstructor) does: YAML 1.1 scalar types,
 * anchors and aliases, {@code <<} merge keys, {@code !unsafe}, duplicate keys warned and last one wins.
 * SnakeYAML (under Jackson's YAML module) parses; typing and construction are done here to match PyYAML.
 */
final class YamlReader {
    /** Tag given to untagged plain scalars so they can be typed with PyYAML's rules later. */
    private static final Tag PLAIN = new Tag("tag:rmqfleet.io,2024:plain");
    private static final String UNSAFE = "!unsafe";

    private final String file;
    private final Consumer<String> warnings;
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Node, DataNode> constructed = new IdentityHashMap<>();

    private YamlReader(String file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** The document, or null for an empty one (only comments, or nothing). */
    static DataNode read(String text, String file, Consumer<String> warnings) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(1000);
        options.setNestingDepthLimit(200);
        options.setCodePointLimit(64 * 1024 * 1024);
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new PlainMarkingResolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new InputException(at(file, mark), "YAML syntax error: " + oneLine(problem));
        } catch (YAMLException e) {
            throw new InputException(new SourceLocation(file, 1, 1), "YAML error: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new InputException(new SourceLocation(file, 1, 1), "YAML document is nested too deeply");
        }
        if (root == null) {
            return null;
        }
        return new YamlReader(file, warnings).construct(root, false);
    }

    private static String oneLine(String s) {
        return s == null ? "invalid YAML" : s.replaceAll("\\s+", " ").trim();
    }

    private static SourceLocation at(String file, Mark mark) {
        return mark == null ? new SourceLocation(file, 1, 1) : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private SourceLocation at(Node node) {
        return at(file, node.getStartMark());
    }

    private DataNode construct(Node node, boolean unsafe) {
        DataNode done = constructed.get(node);
        if (done != null && !unsafe) {
            return done;
        }
        if (!inProgress.add(node)) {
            throw new InputException(at(node), "recursive YAML structure (an alias refers to its own parent)");
        }
        try {
            DataNode result = constructUncached(node, unsafe);
            if (!unsafe) {
                constructed.put(node, result);
            }
            return result;
        } finally {
            inProgress.remove(node);
        }
    }

    private DataNode constructUncached(Node node, boolean unsafe) {
        String tag = node.getTag().getValue();
        if (tag.equals(UNSAFE)) {
            if (node instanceof ScalarNode scalar) {
                return new DataNode.Scalar(at(node), new UnsafeText(scalar.getValue()));
            }
            return constructByKind(node, true);
        }
        if (tag.startsWith("!") && !tag.startsWith("!!")) {
            throw new InputException(at(node), "could not determine a constructor for the tag '" + tag + "'");
        }
        return constructByKind(node, unsafe);
    }

    private DataNode constructByKind(Node node, boolean unsafe) {
        if (node instanceof ScalarNode scalar) {
            Object value = scalar(scalar);
            if (unsafe && value instanceof String s) {
                value = new UnsafeText(s);
            }
            return new DataNode.Scalar(at(node), value);
        }
        if (node instanceof SequenceNode seq) {
            requireTag(node, Tag.SEQ);
            List<DataNode> items = new ArrayList<>(seq.getValue().size());
            for (Node item : seq.getValue()) {
                items.add(construct(item, unsafe));
            }
            return new DataNode.Sequence(at(node), items);
        }
        MappingNode map = (MappingNode) node;
        requireTag(node, Tag.MAP);
        return mapping(map, unsafe);
    }

    private void requireTag(Node node, Tag expected) {
        Tag tag = node.getTag();
        if (!tag.equals(expected) && !tag.getValue().equals(UNSAFE)) {
            throw new InputException(at(node), "could not determine a constructor for the tag '" + tag.getValue()
                + "' on a " + node.getNodeId());
        }
    }

    private DataNode mapping(MappingNode node, boolean unsafe) {
        Map<Object, Integer> positions = new LinkedHashMap<>();
        List<DataNode.Entry> entries = new ArrayList<>();
        for (NodeTuple tuple : flatten(node)) {
            Node keyNode = tuple.getKeyNode();
            // PyYAML turns a '=' key (the YAML 1.1 "value" type) into the plain string "=".
            DataNode key = keyNode instanceof ScalarNode s && keyNode.getTag().equals(PLAIN) && s.getValue().equals("=")
                ? new DataNode.Scalar(at(keyNode), "=") : construct(keyNode, false);
            Object keyValue = key.toValue();
            if (keyValue instanceof List || keyValue instanceof Map) {
                throw new InputException(key.location(), "found unacceptable key (unhashable type: '"
                    + (keyValue instanceof Map ? "dict" : "list") + "')");
            }
            DataNode value = construct(tuple.getValueNode(), unsafe);
            Integer existing = positions.get(PythonKeys.equalityKey(keyValue));
            if (existing != null) {
                warnings.accept("While constructing a mapping from " + file + ", line " + (node.getStartMark().getLine() + 1)
                    + ", column " + (node.getStartMark().getColumn() + 1) + ", found a duplicate dict key ("
                    + PythonRepr.str(keyValue) + "). Using last defined value only.");
                entries.set(existing, new DataNode.Entry(entries.get(existing).key(), value));
            } else {
                positions.put(PythonKeys.equalityKey(keyValue), entries.size());
                entries.add(new DataNode.Entry(key, value));
            }
        }
        return new DataNode.Mapping(at(node), entries);
    }

    /** PyYAML's flatten_mapping: merged entries first, in order, then the mapping's own. */
    private List<NodeTuple> flatten(MappingNode node) {
        List<NodeTuple> merged = new ArrayList<>();
        List<NodeTuple> own = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            Node key = tuple.getKeyNode();
            if (isMergeKey(key)) {
                Node value = tuple.getValueNode();
                if (value instanceof MappingNode m) {
                    merged.addAll(flatten(m));
                } else if (value instanceof SequenceNode seq) {
                    List<List<NodeTuple>> parts = new ArrayList<>();
                    for (Node sub : seq.getValue()) {
                        if (!(sub instanceof MappingNode subMap)) {
                            throw new InputException(at(sub), "while constructing a mapping: expected a mapping for merging, but found "
                                + sub.getNodeId());
                        }
                        parts.add(flatten(subMap));
                    }
                    Collections.reverse(parts);
                    parts.forEach(merged::addAll);
                } else {
                    throw new InputException(at(value), "while constructing a mapping: expected a mapping or list of mappings for merging, but found "
                        + value.getNodeId());
                }
            } else {
                own.add(tuple);
            }
        }
        merged.addAll(own);
        return merged;
    }

    private static boolean isMergeKey(Node key) {
        if (!(key instanceof ScalarNode scalar)) {
            return false;
        }
        return key.getTag().equals(Tag.MERGE)
            || (key.getTag().equals(PLAIN) && scalar.getValue().equals("<<"));
    }

    private Object scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        try {
            if (tag.equals(PLAIN)) {
                return switch (YamlScalars.resolvePlain(value)) {
                    case BOOL -> YamlScalars.toBool(value);
                    case FLOAT -> YamlScalars.toFloat(value);
                    case INT -> YamlScalars.toInt(value);
                    case NULL -> null;
                    case TIMESTAMP -> YamlScalars.toTimestamp(value);
                    case MERGE -> throw new InputException(at(node), "could not determine a constructor for the tag 'tag:yaml.org,2002:merge'");
                    case VALUE -> throw new InputException(at(node), "could not determine a constructor for the tag 'tag:yaml.org,2002:value'");
                    case STR -> value;
                };
            }
            if (tag.equals(Tag.STR)) {
                return value;
            }
            if (tag.equals(Tag.INT)) {
                return YamlScalars.toInt(value);
            }
            if (tag.equals(Tag.FLOAT)) {
                return YamlScalars.toFloat(value);
            }
            if (tag.equals(Tag.BOOL)) {
                return YamlScalars.toBool(value);
            }
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.TIMESTAMP)) {
                return YamlScalars.toTimestamp(value);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(at(node), e.getMessage());
        }
        throw new InputException(at(node), "could not determine a constructor for the tag '" + tag.getValue() + "'");
    }

    /** Leaves every untagged plain scalar to {@link YamlScalars}; quoted scalars are strings. */
    private static final class PlainMarkingResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // none: see resolve()
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit) {
                return PLAIN;
            }
            return super.resolve(kind, value, implicit);
        }
    }
}
