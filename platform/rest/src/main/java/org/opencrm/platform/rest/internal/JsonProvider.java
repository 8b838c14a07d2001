package org.opencrm.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.opencrm.platform.api.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON for every resource of the API, with one ObjectMapper configured for the API's conventions. */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class })
@JaxrsExtension
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json", "text/json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json", "text/json" })
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private final ObjectMapper mapper = Json.newMapper();

    private static boolean handled(Class<?> type) {
        return !(String.class == type || InputStream.class.isAssignableFrom(type) || StreamingOutput.class.isAssignableFrom(type)
                || byte[].class == type || java.io.Reader.class.isAssignableFrom(type));
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handled(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException, WebApplicationException {
        // an empty body arrives as null; resources reject it with a clear message where a body is required
        var in = new java.io.PushbackInputStream(entityStream);
        int first = in.read();
        if (first == -1) {
            return null;
        }
        in.unread(first);
        try {
            return mapper.readerFor(mapper.getTypeFactory().constructType(genericType)).readValue(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Json.toInvalidInput(e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handled(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writeValue(entityStream, value);
    }
}
