package org.sapere.assessment.web;

import java.math.BigDecimal;
import org.sapere.assessment.quiz.Grades;

/** One graded quiz on a learner's own grades page: its title and lesson, their result, the passing score. */
public record MyQuiz(String title, String url, Grades.Cell cell, BigDecimal passingPercent) {}
