package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Just enough multipart/form-data parsing for the fake Bot API: text fields and file parts. */
final class Multipart {

    /** Text parts go to {@code fields}; a file part to {@code files}, its field to "attach://name", its file name to {@code fileNames}. */
    static void parse(byte[] body, String boundary, ObjectNode fields, Map<String, byte[]> files, Map<String, String> fileNames) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        while (position >= 0) {
            int partStart = position + delimiter.length;
            if (partStart + 2 <= body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
                return;
            }
            partStart += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                return;
            }
            byte[] part = Arrays.copyOfRange(body, partStart, next - 2); // drop CRLF before the delimiter
            int headerEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (headerEnd >= 0) {
                String headers = new String(part, 0, headerEnd, StandardCharsets.UTF_8);
                byte[] content = Arrays.copyOfRange(part, headerEnd + 4, part.length);
                String name = attribute(headers, "name");
                if (name != null) {
                    String fileName = attribute(headers, "filename");
                    if (fileName != null) {
                        files.put(name, content);
                        fileNames.put(name, fileName);
                        fields.put(name, "attach://" + name);
                    } else {
                        fields.put(name, new String(content, StandardCharsets.UTF_8));
                    }
                }
            }
            position = next;
        }
    }

    private static String attribute(String headers, String attribute) {
        String marker = attribute + "=\"";
        int at = headers.indexOf("; " + marker);
        if (at < 0) {
            return null;
        }
        int start = at + 2 + marker.length();
        return headers.substring(start, headers.indexOf('"', start));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Multipart() {
    }
}
