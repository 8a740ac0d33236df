package org.sapere.catalog;

import java.util.List;

/** Words for the search benchmark's generated courses: openings of titles, topics and sentences per language. */
record GeneratedTexts(List<String> openings, List<String> topics, List<String> sentences) {

    static final List<String> SUBJECTS = List.of(
            "artificial-intelligence",
            "project-management",
            "sustainable-technologies",
            "soft-skills",
            "data-science",
            "robotics",
            "architecture",
            "economics");
    static final List<String> UNIVERSITIES = List.of("polimi", "ethz", "rwth", "tudelft", "chalmers");
    static final List<String> PROFESSORS = List.of(
            "Chiara Rossi",
            "Luca Bianchi",
            "Hans Meier",
            "Eva Becker",
            "Jan de Vries",
            "Karin Lindqvist",
            "Erik Holm",
            "Sabine Müller",
            "Anna Jansen",
            "Marco Ferri");

    private static final GeneratedTexts EN = new GeneratedTexts(
            List.of(
                    "Introduction to %s",
                    "Foundations of %s",
                    "Advanced %s",
                    "%s in practice",
                    "Applied %s",
                    "%s for engineers",
                    "Essentials of %s",
                    "Modern %s"),
            List.of(
                    "project management",
                    "machine learning",
                    "energy systems",
                    "negotiation",
                    "data analysis",
                    "sustainable design",
                    "leadership of technical teams",
                    "statistics",
                    "robotics and sensors",
                    "circular economy",
                    "software architecture",
                    "structural engineering",
                    "urban mobility",
                    "responsible artificial intelligence",
                    "quantum computing",
                    "materials science",
                    "supply chains",
                    "climate adaptation",
                    "public speaking",
                    "product design"),
            List.of(
                    "This course introduces %s with examples from real projects.",
                    "You will learn the methods of %s that professionals use every day.",
                    "We study %s step by step, from the basic ideas to case studies.",
                    "Short lessons and exercises help you apply %s at work.",
                    "Professors from five universities explain how %s shapes modern engineering practice.",
                    "By the end you can plan, analyse and discuss %s with confidence."));

    private static final GeneratedTexts IT = new GeneratedTexts(
            List.of("Introduzione a %s", "Fondamenti di %s", "%s avanzata", "%s in pratica", "Corso di %s"),
            List.of(
                    "gestione dei progetti",
                    "progettazione sostenibile",
                    "apprendimento automatico",
                    "sistemi energetici",
                    "intelligenza artificiale",
                    "economia circolare",
                    "analisi dei dati",
                    "architettura del software",
                    "mobilità urbana",
                    "progettazione strutturale",
                    "statistica applicata",
                    "negoziazione"),
            List.of(
                    "Il corso presenta %s con esempi tratti da progetti reali.",
                    "Imparerai i metodi di %s usati ogni giorno dai professionisti.",
                    "Studiamo %s passo dopo passo, dalle idee di base ai casi di studio.",
                    "Lezioni brevi ed esercizi ti aiutano ad applicare %s nel lavoro.",
                    "Alla fine saprai pianificare e discutere %s con sicurezza."));

    private static final GeneratedTexts DE = new GeneratedTexts(
            List.of("Einführung in %s", "Grundlagen der %s", "%s in der Praxis", "Fortgeschrittene %s"),
            List.of(
                    "nachhaltige Energiesysteme",
                    "Projektmanagement",
                    "maschinelles Lernen",
                    "Datenanalyse",
                    "Kreislaufwirtschaft",
                    "Softwarearchitektur",
                    "Robotik",
                    "Statistik",
                    "Verhandlungsführung",
                    "Stadtplanung",
                    "Werkstoffkunde"),
            List.of(
                    "Dieser Kurs führt in %s ein, mit Beispielen aus echten Projekten.",
                    "Sie lernen die Methoden der %s kennen, die Fachleute täglich nutzen.",
                    "Wir behandeln %s Schritt für Schritt, von den Grundideen bis zu Fallstudien.",
                    "Kurze Lektionen und Übungen helfen, %s im Beruf anzuwenden."));

    private static final GeneratedTexts NL = new GeneratedTexts(
            List.of("Inleiding tot %s", "Basis van %s", "%s in de praktijk", "Gevorderde %s"),
            List.of(
                    "duurzame energie",
                    "projectbeheer",
                    "machinaal leren",
                    "data-analyse",
                    "circulaire economie",
                    "waterbouwkunde",
                    "robotica",
                    "stedelijke mobiliteit",
                    "onderhandelen"),
            List.of(
                    "Deze cursus behandelt %s met voorbeelden uit echte projecten.",
                    "Je leert de methoden van %s die professionals elke dag gebruiken.",
                    "Korte lessen en oefeningen helpen je %s toe te passen in je werk."));

    private static final GeneratedTexts SV = new GeneratedTexts(
            List.of("Introduktion till %s", "Grunderna i %s", "%s i praktiken", "Avancerad %s"),
            List.of(
                    "hållbar energi",
                    "projektledning",
                    "maskininlärning",
                    "dataanalys",
                    "cirkulär ekonomi",
                    "robotik",
                    "hållbar stadsutveckling",
                    "förhandling"),
            List.of(
                    "Kursen introducerar %s med exempel från verkliga projekt.",
                    "Du lär dig metoderna inom %s som yrkesverksamma använder varje dag.",
                    "Korta lektioner och övningar hjälper dig att tillämpa %s i arbetet."));

    static GeneratedTexts of(String language) {
        return switch (language) {
            case "it" -> IT;
            case "de" -> DE;
            case "nl" -> NL;
            case "sv" -> SV;
            default -> EN;
        };
    }
}
