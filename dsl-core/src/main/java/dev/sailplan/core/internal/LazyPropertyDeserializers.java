package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Finds the deserializer of a bean's property when a document first has the property, instead of
 * when the bean's deserializer is built.
 *
 * <p>Jackson resolves the deserializers of every property of a type, and of their types in turn,
 * before it reads the first value: binding one small VirtualService builds deserializers for the
 * whole Istio networking model reachable from it (some 200 types, each introspected twice through
 * its Immutables {@code Json} delegate). That was the larger part of a one-file {@code sailplan
 * validate}. Deferred, only the types a document uses are introspected. What is found is the same
 * deserializer Jackson would have used ({@link
 * DeserializationContext#findContextualValueDeserializer} with the same property), so bound values
 * and error messages do not change.
 */
final class LazyPropertyDeserializers extends BeanDeserializerModifier {
  private LazyPropertyDeserializers() {}

  /** The module that installs it. */
  static SimpleModule module() {
    return new SimpleModule("sailplan-lazy-properties")
        .setDeserializerModifier(new LazyPropertyDeserializers());
  }

  @Override
  public BeanDeserializerBuilder updateBuilder(
      DeserializationConfig config, BeanDescription bean, BeanDeserializerBuilder builder) {
    List<SettableBeanProperty> deferred = new ArrayList<>();
    for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
      SettableBeanProperty p = it.next();
      // A property with its own deserializer (@JsonDeserialize(using = …)) or a type deserializer
      // keeps them; scalars are cheap to resolve and are read on every document.
      if (!p.hasValueDeserializer()
          && !p.hasValueTypeDeserializer()
          && worthDeferring(p.getType())) {
        deferred.add(p);
      }
    }
    for (SettableBeanProperty p : deferred) {
      builder.addOrReplaceProperty(p.withValueDeserializer(new Lazy(p.getType(), null)), true);
    }
    return builder;
  }

  private static boolean worthDeferring(JavaType type) {
    return type.isContainerType()
        || type.isReferenceType()
        || !(type.isPrimitive()
            || type.isEnumType()
            || type.getRawClass().getName().startsWith("java."));
  }

  /** Stands for the property's deserializer until the first value, then delegates to it. */
  private static final class Lazy extends JsonDeserializer<Object>
      implements ContextualDeserializer {
    private final JavaType type;
    private final BeanProperty property;
    private volatile JsonDeserializer<Object> target;

    Lazy(JavaType type, BeanProperty property) {
      this.type = type;
      this.property = property;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty p) {
      // Called once per property while the bean's deserializer is resolved: bind the property,
      // look nothing up yet.
      return p == property ? this : new Lazy(type, p);
    }

    private JsonDeserializer<Object> target(DeserializationContext ctxt)
        throws JsonMappingException {
      JsonDeserializer<Object> t = target;
      if (t == null) {
        // Two threads may both look it up; Jackson's cache gives them the same answer.
        t = ctxt.findContextualValueDeserializer(type, property);
        target = t;
      }
      return t;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return target(ctxt).deserialize(p, ctxt);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue)
        throws IOException {
      return target(ctxt).deserialize(p, ctxt, intoValue);
    }

    @Override
    public Object deserializeWithType(
        JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
        throws IOException {
      return target(ctxt).deserializeWithType(p, ctxt, typeDeserializer);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      return target(ctxt).getNullValue(ctxt);
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
      return target(ctxt).getAbsentValue(ctxt);
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) throws JsonMappingException {
      return target(ctxt).getEmptyValue(ctxt);
    }

    @Override
    public AccessPattern getNullAccessPattern() {
      // Unknown until resolved: ask getNullValue every time, which is always correct.
      return AccessPattern.DYNAMIC;
    }

    @Override
    public AccessPattern getEmptyAccessPattern() {
      return AccessPattern.DYNAMIC;
    }

    @Override
    public Class<?> handledType() {
      return type.getRawClass();
    }

    @Override
    public LogicalType logicalType() {
      JsonDeserializer<Object> t = target;
      return t == null ? null : t.logicalType();
    }

    @Override
    public boolean isCachable() {
      return false;
    }
  }
}
