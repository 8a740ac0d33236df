package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The profile form: bad input gets 422 with the message at the field and the input kept, and stores nothing. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class ProfileTests {

    private static final String EMAIL = "learner029@learners.sapere.test";

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOverLongHeadlineIsRefusedAtTheFieldAndNothingIsStored() throws Exception {
        var longHeadline = "Project manager ".repeat(20);
        mvc.perform(post("/account/profile")
                        .with(user(learner()))
                        .with(csrf())
                        .param("displayName", "Renamed Learner")
                        .param("headline", longHeadline)
                        .param("language", "en")
                        .param("timeZone", "Europe/Rome"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"headline-error\"")))
                .andExpect(content().string(containsString("at most 200 characters")))
                .andExpect(content().string(containsString("value=\"Renamed Learner\"")));
        assertThat(column("display_name")).isEqualTo("Learner 29");
    }

    @Test
    void aForgedTimeZoneOrLanguageIsRefused() throws Exception {
        var before = column("time_zone");
        mvc.perform(post("/account/profile")
                        .with(user(learner()))
                        .with(csrf())
                        .param("displayName", "Learner 29")
                        .param("language", "xx")
                        .param("timeZone", "Mars/Olympus_Mons"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"timeZone-error\"")))
                .andExpect(content().string(containsString("id=\"language-error\"")));
        assertThat(column("time_zone")).isEqualTo(before);
    }

    @Test
    void aValidProfileIsSaved() throws Exception {
        mvc.perform(post("/account/profile")
                        .with(user(learner()))
                        .with(csrf())
                        .param("displayName", "Learner 29")
                        .param("headline", "Data analyst")
                        .param("country", "SE")
                        .param("language", "sv")
                        .param("timeZone", "Europe/Stockholm")
                        .param("courseNews", "true")
                        .param("spokenLanguages", "sv", "en", "fi")
                        .param("interests", "soft-skills", "artificial-intelligence"))
                .andExpect(redirectedUrl("/account"));
        assertThat(column("array_to_string(spoken_languages, ',')")).isEqualTo("en,fi,sv");
        assertThat(column("array_to_string(interests, ',')")).isEqualTo("artificial-intelligence,soft-skills");
        // A forged language or subject is refused and nothing changes.
        mvc.perform(post("/account/profile")
                        .with(user(learner()))
                        .with(csrf())
                        .param("displayName", "Learner 29")
                        .param("language", "sv")
                        .param("timeZone", "Europe/Stockholm")
                        .param("spokenLanguages", "klingon")
                        .param("interests", "astrology"))
                .andExpect(status().isUnprocessableContent());
        assertThat(column("array_to_string(interests, ',')")).isEqualTo("artificial-intelligence,soft-skills");
        assertThat(column("time_zone")).isEqualTo("Europe/Stockholm");
        assertThat(column("language")).isEqualTo("sv");
        assertThat(column("country")).isEqualTo("SE");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() throws Exception {
        mvc.perform(post("/account/password")
                        .with(user(learner()))
                        .with(csrf())
                        .param("current", "not my password")
                        .param("password", "orchid balcony thunder mosaic"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("not your current password")));
    }

    @Test
    void aPictureIsCheckedCroppedAndRedrawnAndCanBeRemoved() throws Exception {
        var image = new java.awt.image.BufferedImage(600, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/account/avatar")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "avatar", "me.jpg", "image/jpeg", out.toByteArray()))
                        .with(user(learner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        var png = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/account/avatar")
                        .with(user(learner())))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var stored = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(256);

        // A file that only claims to be a picture changes nothing.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/account/avatar")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "avatar", "me.png", "image/png", "<svg onload=alert(1)>".getBytes()))
                        .with(user(learner()))
                        .with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "avatar.notAnImage"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/account/export")
                        .with(user(learner())))
                .andExpect(content().string(containsString("data:image/png;base64,")));

        mvc.perform(post("/account/avatar/delete").with(user(learner())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/account/avatar")
                        .with(user(learner())))
                .andExpect(status().isNotFound());
    }

    private SignedInUser learner() {
        var id = identity.accountByEmail(EMAIL).orElseThrow();
        return new SignedInUser(id, EMAIL, "Learner 29", null, false, true);
    }

    private String column(String name) {
        return jdbc.sql("SELECT " + name + " FROM identity.account WHERE email = :e")
                .param("e", EMAIL)
                .query(String.class)
                .single()
                .strip();
    }
}
