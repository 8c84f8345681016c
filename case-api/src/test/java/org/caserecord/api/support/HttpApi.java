package org.caserecord.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests to the service on its random port. */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public HttpApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public Request as(String user) {
        return new Request(user, "demo");
    }

    public Request anonymous() {
        return new Request(null, null);
    }

    public final class Request {
        private final String user;
        private final String password;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request(String user, String password) {
            this.user = user;
            this.password = password;
        }

        public Request password(String password) {
            return copy(user, password);
        }

        public Request header(String name, String value) {
            Request request = copy(user, password);
            request.headers.put(name, value);
            return request;
        }

        private Request copy(String user, String password) {
            Request request = new Request(user, password);
            request.headers.putAll(headers);
            return request;
        }

        public Response get(String path) {
            return send(builder(path).GET());
        }

        public Response post(String path, String json) {
            return send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        public Response put(String path, String json) {
            return send(builder(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** Posts without a Content-Length, as a chunked body. */
        public Response postChunked(String path, String json) {
            return send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(json))));
        }

        public Response post(String path, String contentType, byte[] body) {
            return send(builder(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        /** A GET whose body is binary (a PDF). */
        public HttpResponse<byte[]> getBytes(String path) {
            try {
                return client.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public Response method(String method, String path) {
            return send(builder(path).method(method, HttpRequest.BodyPublishers.noBody()));
        }

        private HttpRequest.Builder builder(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30));
            if (user != null) {
                String credentials = user + ":" + password;
                builder.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(builder::header);
            return builder;
        }

        private Response send(HttpRequest.Builder builder) {
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String text(String pointer) {
            JsonNode node = json().at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        /** The given field of every element of the array at the pointer. */
        public java.util.List<String> texts(String arrayPointer, String field) {
            java.util.List<String> values = new java.util.ArrayList<>();
            for (JsonNode element : json().at(arrayPointer)) {
                JsonNode value = element.get(field);
                values.add(value == null || value.isNull() ? null : value.asString());
            }
            return values;
        }

        public long number(String pointer) {
            return json().at(pointer).asLong();
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }
}
