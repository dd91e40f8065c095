package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagConditionTest {

    @Test
    void parsesAStar() {
        EntityTagCondition condition = EntityTagCondition.parse("*");
        assertTrue(condition.isAny());
        assertEquals(List.of(), condition.tags());
        assertEquals(EntityTagCondition.any(), EntityTagCondition.parse(" * "));
        assertEquals(EntityTagCondition.any(), EntityTagCondition.parse(", *,"));
        assertEquals("*", condition.toString());
    }

    @Test
    void parsesListsWithWhitespaceEmptyElementsAndSeveralLines() {
        EntityTagCondition condition = EntityTagCondition.parse(" \"a\" ,W/\"b\",, ,\t\"c\"\t,", "W/\"d\"", "");
        assertFalse(condition.isAny());
        assertEquals(List.of(EntityTag.strong("a"), EntityTag.weak("b"), EntityTag.strong("c"), EntityTag.weak("d")),
                condition.tags());
        assertEquals("\"a\", W/\"b\", \"c\", W/\"d\"", condition.toString());
    }

    @Test
    void aCommaInsideQuotesBelongsToTheTag() {
        assertEquals(List.of(EntityTag.strong("a,b"), EntityTag.strong("c")), EntityTagCondition.parse("\"a,b\", \"c\"").tags());
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
        "", " ", ",", " , ,", "abc", "\"a\" \"b\"", "\"a\";\"b\"", "\"a\", b", "\"a\", \"b", "*, \"a\"", "\"a\", *",
        "* *", "*,*", "**", "*a", "W/", "w/\"a\"", "\"a\"x", "\"a b\""})
    void rejectsMalformedFieldValuesNamingThem(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntityTagCondition.parse(value));
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void aStarMustStandAloneAcrossFieldLinesToo() {
        assertThrows(IllegalArgumentException.class, () -> EntityTagCondition.parse("*", "\"a\""));
        assertThrows(IllegalArgumentException.class, () -> EntityTagCondition.parse("*", "*"));
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        EntityTagCondition condition = EntityTagCondition.parse("W/\"1\", \"2\"");
        assertTrue(condition.matchesWeak(EntityTag.strong("1")));
        assertTrue(condition.matchesWeak(EntityTag.weak("2")));
        assertFalse(condition.matchesWeak(EntityTag.strong("3")));
        assertFalse(condition.matchesWeak(null, true));
    }

    @Test
    void ifMatchUsesStrongComparison() {
        EntityTagCondition condition = EntityTagCondition.parse("W/\"1\", \"2\"");
        assertFalse(condition.matchesStrong(EntityTag.strong("1")));
        assertFalse(condition.matchesStrong(EntityTag.weak("2")));
        assertTrue(condition.matchesStrong(EntityTag.strong("2")));
        assertFalse(condition.matchesStrong(null, true));
    }

    @Test
    void aStarMatchesAnyCurrentRepresentationTaggedOrNot() {
        EntityTagCondition any = EntityTagCondition.any();
        assertTrue(any.matchesWeak(EntityTag.weak("x")));
        assertTrue(any.matchesStrong(EntityTag.weak("x")));
        assertTrue(any.matchesWeak(null, true));
        assertTrue(any.matchesStrong(null, true));
        assertFalse(any.matchesWeak(null, false));
        assertFalse(any.matchesStrong(null, false));
    }

    @Test
    void buildsConditionsFromTags() {
        assertEquals(EntityTagCondition.parse("\"a\", W/\"b\""), EntityTagCondition.of(EntityTag.strong("a"), EntityTag.weak("b")));
        assertThrows(IllegalArgumentException.class, EntityTagCondition::of);
    }
}
