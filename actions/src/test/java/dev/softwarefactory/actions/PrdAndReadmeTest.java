package dev.softwarefactory.actions;

import static dev.softwarefactory.actions.Answers.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrdAndReadmeTest {
    private static final String PRD = "# PRD\n\n## Goals\n- g\n\n## User stories\n- u\n\n## Requirement pool\n- P0 r\n\n"
            + "## Acceptance criteria\n- a\n\n## Open questions\n- none";

    @Test
    void aPrdWithEverySectionIsKeptWithAFinalNewline() {
        assertEquals(PRD + "\n", Prd.parse(PRD));
    }

    @Test
    void aPrdMissingSectionsIsRejectedNamingThem() {
        assertRejected(() -> Prd.parse("# PRD\n\n## Goals\n- g\n"),
                "User stories, Requirement pool, Acceptance criteria");
    }

    @Test
    void garbageIsRejectedAsAPrd() {
        assertRejected(() -> Prd.parse("lorem ipsum %$#@"), "lacks the sections");
    }

    @Test
    void anEmptyAnswerIsRejected() {
        assertRejected(() -> Prd.parse("  \n"), "the answer is empty");
    }

    @Test
    void aReadmeNeedsInstallAndRunSections() {
        assertEquals("# x\n## Install\npip\n## Run\nrun it\n", Readme.parse("# x\n## Install\npip\n## Run\nrun it\n"));
        assertRejected(() -> Readme.parse("# x\n## Overview\nit counts words\n"), "Install, Run");
    }
}
