package org.sapere.course;

/**
 * The file of a downloadable-material lesson: where storage keeps it, the name learners download it under, its
 * type as detected from its content, and its size in bytes.
 */
public record LessonMaterial(String key, String fileName, String contentType, long size) {

    public static final LessonKind KIND = new LessonKind("material");
}
