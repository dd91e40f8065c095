package dev.holdline.tck.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips tests whose {@link RequiresCapability} names a capability the container lacks.
 *
 * <p>When {@value Capability#PROPERTY} is not set at all, every test runs: that is the case inside a
 * container JVM during in-container execution, where the runner's properties are not visible, and the
 * client side has already made the decision.
 */
public final class CapabilityCondition implements ExecutionCondition {

    /** Prefix of the skip reason; the conformance report maps it to "not applicable". */
    public static final String NOT_APPLICABLE = "not applicable:";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String declared = System.getProperty(Capability.PROPERTY);
        if (declared == null) {
            return ConditionEvaluationResult.enabled("no capabilities declared; running everything");
        }
        Set<String> available = parse(declared);
        List<String> missing = required(context).stream()
                .filter(name -> !available.contains(name))
                .collect(Collectors.toList());
        return missing.isEmpty()
                ? ConditionEvaluationResult.enabled("all required capabilities present")
                : ConditionEvaluationResult.disabled(NOT_APPLICABLE + " container lacks " + String.join(", ", missing));
    }

    static Set<String> parse(String declared) {
        return Arrays.stream(declared.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }

    private static List<String> required(ExtensionContext context) {
        Optional<RequiresCapability> onElement = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresCapability.class));
        return onElement.map(annotation -> Arrays.asList(annotation.value())).orElse(List.of());
    }
}
