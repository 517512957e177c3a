package al.sportel.slip;

/**
 * One line of a slip. A {@link Kind#ROW} has a label on the left and a value against the right edge;
 * a {@link Kind#PARAGRAPH} is long text that each renderer breaks to the width it has.
 */
public record SlipLine(Kind kind, String left, String right) {

    public enum Kind { TITLE, CENTER, ROW, BOLD_ROW, PARAGRAPH, RULE }

    public SlipLine {
        left = left == null ? "" : left;
        right = right == null ? "" : right;
    }
}
