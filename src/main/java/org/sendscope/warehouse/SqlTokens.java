package org.sendscope.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DuckDB's SQL cut into tokens the way DuckDB's own lexer cuts it, so that the console's guard
 * judges what DuckDB will run: strings ({@code '…'} with {@code ''}, {@code E'…'} with backslash
 * escapes, {@code $$…$$} and {@code $tag$…$tag$}), quoted names ({@code "…"} with {@code ""}),
 * {@code --} line comments and nested {@code /* … *}{@code /} block comments. Comments and
 * whitespace are dropped; every other character is a word, a number or a symbol.
 */
public final class SqlTokens {

    /** What a token is. */
    public enum Kind {
        /** a keyword or bare name, kept as written (compare with {@link Token#word()}) */
        WORD,
        /** a {@code "quoted"} name */
        QUOTED_NAME,
        /** a string literal of any form */
        STRING,
        /** a number */
        NUMBER,
        /** {@code $1} or {@code $name} */
        PARAMETER,
        /** {@code ;} */
        SEMICOLON,
        /** any other character: ( ) , . :: + … */
        SYMBOL
    }

    /** One token: its kind, its text as written and where it starts and ends in the statement. */
    public record Token(Kind kind, String text, int start, int end) {
        /** The word in lower case (for a WORD), else the text. */
        public String word() {
            return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
        }

        /** Whether this is the bare word {@code w} (any case). */
        public boolean is(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        /** Whether this is the symbol {@code s}. */
        public boolean isSymbol(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }
    }

    /** Thrown for text that DuckDB could not read either: an unterminated string, name or comment. */
    public static final class Unterminated extends RuntimeException {
        Unterminated(String message) {
            super(message);
        }
    }

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private SqlTokens(String sql) {
        this.sql = sql;
    }

    /**
     * The tokens of {@code sql}, comments and whitespace left out.
     *
     * @throws Unterminated when a string, quoted name or block comment does not end
     */
    public static List<Token> of(String sql) {
        SqlTokens t = new SqlTokens(sql);
        t.run();
        return t.tokens;
    }

    /** Whether {@code sql} ends inside a string, quoted name or comment (the console then reads on). */
    public static boolean endsInside(String sql) {
        try {
            SqlTokens t = new SqlTokens(sql);
            t.run();
            // a line comment without its newline is finished by the next line, not by ';' inside it
            return t.inLineComment;
        } catch (Unterminated e) {
            return true;
        }
    }

    private boolean inLineComment;

    private void run() {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && peek(1) == '-') {
                int nl = sql.indexOf('\n', i);
                inLineComment = nl < 0;
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '\'') {
                quoted('\'', false);
                add(Kind.STRING, start);
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                i++;
                quoted('\'', true);
                add(Kind.STRING, start);
            } else if (c == '"') {
                quoted('"', false);
                add(Kind.QUOTED_NAME, start);
            } else if (c == '$') {
                dollar(start);
            } else if (c == ';') {
                i++;
                add(Kind.SEMICOLON, start);
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.' || sql.charAt(i) == '_')) i++;
                add(Kind.NUMBER, start);
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) i++;
                add(Kind.WORD, start);
            } else {
                i++;
                if (c == ':' && peek(0) == ':') i++;
                add(Kind.SYMBOL, start);
            }
        }
    }

    private char peek(int ahead) {
        int j = i + ahead;
        return j < sql.length() ? sql.charAt(j) : 0;
    }

    private void add(Kind kind, int start) {
        tokens.add(new Token(kind, sql.substring(start, i), start, i));
    }

    /** A quoted run from the opening quote at {@code i}; a doubled quote is one quote character. */
    private void quoted(char q, boolean backslashEscapes) {
        int open = i;
        i++;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == q) {
                if (peek(1) == q) {
                    i += 2;
                } else {
                    i++;
                    return;
                }
            } else {
                i++;
            }
        }
        throw new Unterminated((q == '"' ? "a quoted name" : "a string") + " opened at character " + (open + 1)
                + " is not closed");
    }

    /** Block comments nest in DuckDB: {@code /* a /* b *}{@code / still a comment *}{@code /}. */
    private void blockComment() {
        int open = i;
        int depth = 0;
        while (i < sql.length()) {
            if (sql.charAt(i) == '/' && peek(1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && peek(1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) return;
            } else {
                i++;
            }
        }
        throw new Unterminated("a comment opened at character " + (open + 1) + " is not closed");
    }

    /** {@code $1}, {@code $name}, or a dollar-quoted string {@code $$…$$} / {@code $tag$…$tag$}. */
    private void dollar(int start) {
        int j = i + 1;
        if (j < sql.length() && Character.isDigit(sql.charAt(j))) {
            while (j < sql.length() && Character.isDigit(sql.charAt(j))) j++;
            i = j;
            add(Kind.PARAMETER, start);
            return;
        }
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
        if (j < sql.length() && sql.charAt(j) == '$') {
            String tag = sql.substring(i, j + 1);
            int close = sql.indexOf(tag, j + 1);
            if (close < 0) {
                throw new Unterminated("a " + tag + "-quoted string opened at character " + (start + 1) + " is not closed");
            }
            i = close + tag.length();
            add(Kind.STRING, start);
            return;
        }
        i = Math.max(j, i + 1);
        add(j == start + 1 ? Kind.SYMBOL : Kind.PARAMETER, start);
    }
}
