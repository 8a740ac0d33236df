package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Alumni status by e-mail at an alumni domain (the mail goes through the notification module and its link is
 * followed), and an organisation admin editing their university's profile and logo, but no other university's.
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class AlumniAndOrganisationProfileTests {

    private static final Pattern LINK = Pattern.compile("/alumni/confirm\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLearnerConfirmsAnAlumniAddressByMail() throws Exception {
        var email = "learner003@learners.sapere.test";
        var learner = signedIn(email, false);
        var account = identity.accountByEmail(email).orElseThrow();
        var polimi = identity.organisationBySlug("polimi").orElseThrow().id();

        // An address elsewhere is refused, with the form kept.
        mvc.perform(post("/account/alumni")
                        .with(user(learner))
                        .with(csrf())
                        .param("organisation", "polimi")
                        .param("email", "someone@gmail.example"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not at the alumni domain")));
        mvc.perform(post("/account/alumni")
                        .with(user(learner))
                        .with(csrf())
                        .param("organisation", "nowhere")
                        .param("email", "l3@alumni.polimi.example"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(post("/account/alumni")
                        .with(user(learner))
                        .with(csrf())
                        .param("organisation", "polimi")
                        .param("email", "L3@Alumni.Polimi.example"))
                .andExpect(redirectedUrl("/account/alumni"));
        assertThat(identity.isAlumnus(account, polimi)).isFalse();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailTo("L3@alumni.polimi.example") != null);
        var matcher = LINK.matcher(mailTo("L3@alumni.polimi.example"));
        assertThat(matcher.find()).isTrue();
        var token = matcher.group(1);

        // The link works without being signed in (it may be opened on another device), once.
        mvc.perform(get("/alumni/confirm").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Politecnico di Milano")));
        assertThat(identity.isAlumnus(account, polimi)).isTrue();
        mvc.perform(get("/alumni/confirm").param("token", token)).andExpect(status().isBadRequest());

        // The status shows on the profile and is in the data export.
        mvc.perform(get("/account").with(user(learner)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Alumnus of Politecnico di Milano")));
        mvc.perform(get("/account/export").with(user(learner)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("alumni.polimi.example")));

        mvc.perform(post("/account/alumni/" + polimi.value() + "/withdraw")
                        .with(user(learner))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/alumni"));
        assertThat(identity.isAlumnus(account, polimi)).isFalse();
    }

    @Test
    void anOrganisationAdminEditsTheirUniversitysProfileAndLogoOnly() throws Exception {
        var anna = signedIn("jansen@tudelft.example", false);

        mvc.perform(post("/admin/organisations/tudelft/profile")
                        .with(user(anna))
                        .with(csrf())
                        .param("name", "Delft University of Technology")
                        .param("shortName", "TU Delft")
                        .param("city", "Delft")
                        .param("country", "NL")
                        .param("website", "https://www.tudelft.nl")
                        .param("brandColour", "blue")
                        .param("staffDomains", "tudelft.example")
                        .param("alumniDomains", "alumni.tudelft.example, not a domain"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("six hexadecimal digits")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This is not a domain name")));
        assertThat(colourOf("tudelft")).isNotEqualTo("#00a6d6");

        mvc.perform(post("/admin/organisations/tudelft/profile")
                        .with(user(anna))
                        .with(csrf())
                        .param("name", "Delft University of Technology")
                        .param("shortName", "TU Delft")
                        .param("city", "Delft")
                        .param("country", "NL")
                        .param("website", "https://www.tudelft.nl")
                        .param("brandColour", "#00A6D6")
                        .param("staffDomains", "tudelft.example; @staff.tudelft.example")
                        .param("alumniDomains", "alumni.tudelft.example"))
                .andExpect(redirectedUrl("/admin/organisations/tudelft"));
        assertThat(colourOf("tudelft")).isEqualTo("#00a6d6");
        assertThat(jdbc.sql(
                                "SELECT array_to_string(staff_domains, ' ') FROM identity.organisation WHERE slug = 'tudelft'")
                        .query(String.class)
                        .single())
                .isEqualTo("tudelft.example staff.tudelft.example");

        // A real image is re-encoded as a PNG and served; a file that only claims to be one is refused.
        mvc.perform(multipart("/admin/organisations/tudelft/logo")
                        .file(new MockMultipartFile("logo", "logo.jpg", "image/jpeg", jpeg(900, 300)))
                        .with(user(anna))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/organisations/tudelft"));
        var served = mvc.perform(get("/organisations/tudelft/logo"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isLessThanOrEqualTo(200);

        mvc.perform(multipart("/admin/organisations/tudelft/logo")
                        .file(new MockMultipartFile(
                                "logo",
                                "logo.png",
                                "image/png",
                                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                        .with(user(anna))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not a PNG or JPEG")));
        var truncated = java.util.Arrays.copyOf(jpeg(300, 100), 40);
        mvc.perform(multipart("/admin/organisations/tudelft/logo")
                        .file(new MockMultipartFile("logo", "logo.jpg", "image/jpeg", truncated))
                        .with(user(anna))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());

        // Politecnico di Milano is not Anna's.
        mvc.perform(post("/admin/organisations/polimi/profile")
                        .with(user(anna))
                        .with(csrf())
                        .param("name", "Taken over"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/organisations/polimi/logo")
                        .file(new MockMultipartFile("logo", "logo.jpg", "image/jpeg", jpeg(300, 100)))
                        .with(user(anna))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(identity.organisationBySlug("polimi").orElseThrow().name()).isEqualTo("Politecnico di Milano");
    }

    private String colourOf(String slug) {
        return jdbc.sql("SELECT brand_colour FROM identity.organisation WHERE slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String mailTo(String recipient) {
        return jdbc.sql("SELECT body FROM notification.dev_mail WHERE recipient = :to ORDER BY sent_at DESC LIMIT 1")
                .param("to", recipient)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x00, 0xa6, 0xd6));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private SignedInUser signedIn(String email, boolean platformAdmin) {
        return new SignedInUser(identity.accountByEmail(email).orElseThrow(), email, email, null, platformAdmin, true);
    }
}
