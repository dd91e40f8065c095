package dev.holdline.guard.trace;

import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;

/**
 * The bean class and method an interceptor is invoked for, named as the access log, span attributes and
 * metrics name them: the application's class, not the container's proxy or subclass.
 *
 * @param className  the bean class's fully qualified name
 * @param simpleName the bean class's simple name
 * @param methodName the method's name
 */
public record InvokedMethod(String className, String simpleName, String methodName) {

    /** The bean method of an interceptor invocation. */
    public static InvokedMethod of(InvocationContext invocation) {
        Class<?> type = beanClass(invocation);
        return new InvokedMethod(type.getName(), type.getSimpleName(), invocation.getMethod().getName());
    }

    /**
     * The interceptor binding of type {@code binding} that applies to the invocation: on the method, else
     * on the bean class (or, being {@code @Inherited}, a superclass); {@code null} if neither carries it
     * (a binding inherited through a stereotype). Interceptors 2.1 has no {@code getInterceptorBinding}.
     */
    public static <A extends Annotation> A binding(InvocationContext invocation, Class<A> binding) {
        A onMethod = invocation.getMethod().getAnnotation(binding);
        return onMethod != null ? onMethod : beanClass(invocation).getAnnotation(binding);
    }

    private static Class<?> beanClass(InvocationContext invocation) {
        Class<?> type = invocation.getTarget() == null ? invocation.getMethod().getDeclaringClass() : invocation.getTarget().getClass();
        // Weld and other containers intercept through generated subclasses ("Foo$Proxy$_$$_WeldSubclass").
        while (type.getSuperclass() != null && (type.isSynthetic() || type.getName().contains("$$"))) {
            type = type.getSuperclass();
        }
        return type;
    }

    /** {@code com.example.Orders.place}. */
    public String qualified() {
        return className + "." + methodName;
    }

    /** {@code Orders.place}. */
    public String simple() {
        return simpleName + "." + methodName;
    }
}
