package dev.sailplan.core.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every Sailplan value type: an abstract {@code AbstractFoo} yields a
 * public immutable {@code Foo} with a strict builder ({@code Foo.builder()}), so user code never
 * names the abstract type.
 *
 * <p>Put it on a {@code package-info.java}; codegen does that for every generated package.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    strictBuilder = true,
    // "from" is a common schema property name (AuthorizationPolicy rules), so the builder's
    // copy-in method gets a name no schema uses.
    from = "mergeFrom",
    defaults = @Value.Immutable(copy = true),
    // Immutables would stamp its own @Generated on every class; that annotation is compile-only, so
    // code using the model without Immutables on its class path would get warnings. Allow none.
    allowedClasspathAnnotations = {Override.class})
public @interface SailplanStyle {}
