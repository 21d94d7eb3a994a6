package org.sendscope.cli;

import org.sendscope.analysis.ScrutinyQuestion;

/** Test access to the placeholder binding. */
final class ScrutinyQuestionAccess {
    private ScrutinyQuestionAccess() {
    }

    static ScrutinyQuestion.Bound bind(String sql) {
        return ScrutinyQuestion.bindForTest(sql);
    }
}
