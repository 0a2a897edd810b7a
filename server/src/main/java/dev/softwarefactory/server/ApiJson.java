package dev.softwarefactory.server;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.marshallers.jackson.Jackson;
import akka.http.javadsl.marshalling.Marshaller;
import akka.http.javadsl.model.RequestEntity;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import akka.serialization.jackson.JacksonObjectMapperProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * JSON of the API, with the object mapper Akka's Jackson module builds from the
 * {@code akka.serialization.jackson.software-factory-api} settings (unknown fields refused).
 */
public final class ApiJson {
    private final ObjectMapper mapper;

    public ApiJson(ActorSystem<?> system) {
        this.mapper = JacksonObjectMapperProvider.get(system).getOrCreate("software-factory-api", Optional.empty());
    }

    public <T> Marshaller<T, RequestEntity> marshaller() {
        return Jackson.marshaller(mapper);
    }

    public <T> Unmarshaller<HttpEntity, T> unmarshaller(Class<T> type) {
        return Jackson.unmarshaller(mapper, type);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
