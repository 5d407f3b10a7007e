package in.gov.sangam.catalogue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each field of a YAML file is written, so that a problem with a department folder names the line to fix, as
 * a compiler would. A field is named as problems name it ({@code submit.path}, {@code services[2].formSchema}); a
 * field that is missing is placed at the line of the nearest enclosing field that is there.
 */
final class YamlLines {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final Node root;

    private YamlLines(Node root) {
        this.root = root;
    }

    /** The lines of a file's text; a text that is not YAML has none (every field is then at line 1). */
    static YamlLines of(String text) {
        try {
            return new YamlLines(new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text)));
        } catch (RuntimeException notYaml) {
            return new YamlLines(null);
        }
    }

    /** The 1-based line of the field, or of the nearest enclosing field that is written in the file. */
    int lineOf(String field) {
        Node node = root;
        int line = 1;
        Matcher step = STEP.matcher(field == null ? "" : field);
        while (node != null && step.find()) {
            Node next = null;
            Node at = null;
            if (step.group(2) != null && node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                int index = Integer.parseInt(step.group(2));
                next = index < items.size() ? items.get(index) : null;
                at = next;
            } else if (step.group(1) != null && node instanceof MappingNode mapping) {
                for (NodeTuple entry : mapping.getValue()) {
                    if (entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step.group(1))) {
                        next = entry.getValueNode();
                        at = entry.getKeyNode();
                        break;
                    }
                }
            }
            if (at == null) {
                break;
            }
            line = at.getStartMark().getLine() + 1;
            node = next;
        }
        return line;
    }
}
