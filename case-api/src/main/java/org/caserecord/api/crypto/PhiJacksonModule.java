package org.caserecord.api.crypto;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.model.Phi;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.util.ClassUtil;

/**
 * Encrypts every property marked {@link Phi} as Axon's serializer writes an event, and decrypts it
 * as the event is read (docs/encryption.md). For Axon's jackson3 serializer only: the HTTP API's
 * JSON shows the plaintext it is allowed to show.
 *
 * <ul>
 *   <li>Writing: the value is written as JSON by a plain mapper, encrypted with the data key of the
 *   case of the nearest enclosing {@link CaseEvent} (found through the generator's write contexts,
 *   so nested records and lists work), and written as one string envelope ({@link PhiCipher}).
 *   A marked value outside any case event is refused, never written in plaintext. Null stays null.</li>
 *   <li>Reading: an envelope is decrypted and parsed as the property's declared type. If the case's
 *   key was destroyed, text reads as {@link Phi#DISPOSED}, a collection of text as a one-element
 *   collection of it, anything else as null. A value that is not an envelope (written before this
 *   encryption existed) is read as it is. An envelope sealed for another case than its event's is
 *   refused.</li>
 * </ul>
 * Jackson builds the (de)serializer of each type once, so the annotation lookup happens once per type.
 */
public final class PhiJacksonModule extends SimpleModule {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private final transient PhiCipher cipher;

    public PhiJacksonModule(PhiCipher cipher) {
        super("caserecord-phi-encryption");
        this.cipher = cipher;
        setSerializerModifier(new EncryptingSerializerModifier());
        setDeserializerModifier(new EnvelopeCaseCheckModifier());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new DecryptingIntrospector());
    }

    /** Whether the member (or the record component it comes from) is marked as personal data. */
    static boolean isPhi(Annotated annotated) {
        if (annotated.hasAnnotation(Phi.class)) {
            return true;
        }
        if (annotated instanceof AnnotatedParameter parameter) {
            Class<?> owner = parameter.getDeclaringClass();
            if (owner.isRecord() && parameter.getOwner().getMember() instanceof Constructor<?> constructor
                    && constructor.getParameterCount() == owner.getRecordComponents().length) {
                return owner.getRecordComponents()[parameter.getIndex()].isAnnotationPresent(Phi.class);
            }
            return false;
        }
        if (annotated instanceof AnnotatedMember member && member.getDeclaringClass().isRecord()) {
            for (RecordComponent component : member.getDeclaringClass().getRecordComponents()) {
                if (component.getName().equals(member.getName())) {
                    return component.isAnnotationPresent(Phi.class);
                }
            }
        }
        return false;
    }

    /** Swaps the serializer of every marked property of every bean for the encrypting one. */
    private final class EncryptingSerializerModifier extends ValueSerializerModifier {

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier bean,
                                                         List<BeanPropertyWriter> properties) {
            for (BeanPropertyWriter property : properties) {
                if (isPhi(property.getMember())) {
                    property.assignSerializer(new EncryptingSerializer(bean.getBeanClass(), property.getName()));
                }
            }
            return properties;
        }
    }

    /** Writes a marked value as an envelope sealed with its enclosing event's case key. */
    private final class EncryptingSerializer extends StdSerializer<Object> {

        private final ObjectWriter plain = PLAIN.writer();
        private final Class<?> owner;
        private final String property;

        EncryptingSerializer(Class<?> owner, String property) {
            super(Object.class);
            this.owner = owner;
            this.property = property;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializationContext context)
                throws JacksonException {
            UUID caseId = enclosingCase(generator);
            generator.writeString(cipher.encrypt(caseId, plain.writeValueAsBytes(value)));
        }

        private UUID enclosingCase(JsonGenerator generator) {
            for (TokenStreamContext write = generator.streamWriteContext(); write != null; write = write.getParent()) {
                if (write.currentValue() instanceof CaseEvent event) {
                    if (event.caseId() == null) {
                        break;
                    }
                    return event.caseId();
                }
            }
            throw new IllegalStateException("Personal data (" + owner.getSimpleName() + "." + property
                    + ") is only written inside a case event with a case id, encrypted with the case's key;"
                    + " refusing to write it in plaintext");
        }
    }

    /** Gives every marked property (of records: the canonical constructor's parameter) the decrypting deserializer. */
    private final class DecryptingIntrospector extends NopAnnotationIntrospector {

        @Override
        public Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
            return annotated instanceof AnnotatedMember && isPhi(annotated) ? new DecryptingDeserializer(null) : null;
        }
    }

    /** Reads an envelope back as the property's declared type; anything else as it is. */
    private final class DecryptingDeserializer extends StdDeserializer<Object> {

        private final JavaType type;
        private final ObjectReader plain;

        DecryptingDeserializer(JavaType type) {
            super(type == null ? PLAIN.constructType(Object.class) : type);
            this.type = type;
            this.plain = type == null ? null : PLAIN.readerFor(type);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            JavaType declared = property != null ? property.getType() : context.getContextualType();
            return declared == null || declared.equals(type) ? this : new DecryptingDeserializer(declared);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getString();
                if (PhiCipher.isEnvelope(text)) {
                    PhiCipher.Opened opened = cipher.decrypt(text);
                    EnvelopeCases.noteIn(context, opened.caseId());
                    return opened.disposed() ? placeholder() : plain.readValue(opened.json().orElseThrow());
                }
            }
            // Written before personal data was encrypted: read as it is.
            return context.readValue(parser, type);
        }

        /** What a value reads as once its case's key was destroyed. */
        private Object placeholder() {
            Class<?> raw = type.getRawClass();
            if (raw == String.class) {
                return Phi.DISPOSED;
            }
            if (type.isCollectionLikeType() && type.getContentType().getRawClass() == String.class) {
                if (raw.isAssignableFrom(List.class)) {
                    return List.of(Phi.DISPOSED);
                }
                if (raw.isAssignableFrom(Set.class)) {
                    return Set.of(Phi.DISPOSED);
                }
                return PLAIN.convertValue(List.of(Phi.DISPOSED), type);
            }
            return raw.isPrimitive() ? ClassUtil.defaultValue(raw) : null;
        }
    }

    /** Wraps the deserializer of every case event to check the cases its envelopes were sealed for. */
    private static final class EnvelopeCaseCheckModifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                       ValueDeserializer<?> deserializer) {
            return CaseEvent.class.isAssignableFrom(bean.getBeanClass())
                    ? new CaseEventDeserializer(deserializer) : deserializer;
        }
    }

    /**
     * Refuses an event holding an envelope of another case. Such an envelope decrypts (with the other
     * case's key), so without this check data could be moved between cases unnoticed by the cipher.
     */
    private static final class CaseEventDeserializer extends DelegatingDeserializer {

        CaseEventDeserializer(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CaseEventDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object outer = context.getAttribute(EnvelopeCases.class);
            EnvelopeCases cases = new EnvelopeCases();
            context.setAttribute(EnvelopeCases.class, cases);
            Object event;
            try {
                event = super.deserialize(parser, context);
            } finally {
                context.setAttribute(EnvelopeCases.class, outer);
            }
            if (event instanceof CaseEvent caseEvent) {
                cases.check(caseEvent);
            }
            return event;
        }
    }

    /** The cases the envelopes read within one event were sealed for. */
    private static final class EnvelopeCases {

        private UUID caseId;
        private boolean several;

        static void noteIn(DeserializationContext context, UUID caseId) {
            if (context.getAttribute(EnvelopeCases.class) instanceof EnvelopeCases cases) {
                if (cases.caseId == null) {
                    cases.caseId = caseId;
                } else if (!cases.caseId.equals(caseId)) {
                    cases.several = true;
                }
            }
        }

        void check(CaseEvent event) {
            if (caseId != null && (several || !caseId.equals(event.caseId()))) {
                throw new PhiDecryptionException("An event of case " + event.caseId() + " holds personal data sealed"
                        + " for another case: the envelope was moved");
            }
        }
    }
}
