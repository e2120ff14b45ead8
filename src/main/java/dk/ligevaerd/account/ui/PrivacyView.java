package dk.ligevaerd.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.ligevaerd.account.PrivacyProperties;

/**
 * The privacy notice (GDPR articles 13 and 14): who the controller is, what is kept and why, and
 * the person's rights. Open to everyone, linked from the login page and the header. The controller's
 * details come from configuration (README, "Configuration").
 */
@Route("privacy")
@AnonymousAllowed
public class PrivacyView extends VerticalLayout implements HasDynamicTitle {

    public PrivacyView(PrivacyProperties privacy) {
        addClassName("privacy-view");
        setMaxWidth("48rem");
        add(new H1(getTranslation("privacy.title")));
        add(new Paragraph(getTranslation("privacy.intro")));

        add(new H2(getTranslation("privacy.controller")));
        DescriptionList controller = new DescriptionList();
        controller.setId("privacy-controller");
        entry(controller, "privacy.controller.name", privacy.controllerName());
        entry(controller, "privacy.controller.address", privacy.controllerAddress());
        entry(controller, "privacy.controller.email", privacy.controllerEmail());
        entry(controller, "privacy.controller.dpo", privacy.dpoContact());
        add(controller);

        add(new H2(getTranslation("privacy.what")));
        UnorderedList what = new UnorderedList();
        for (String key : new String[] {"privacy.what.account", "privacy.what.memberships", "privacy.what.contributions",
                "privacy.what.ballots", "privacy.what.history", "privacy.what.technical"}) {
            what.add(new ListItem(getTranslation(key)));
        }
        add(what);
        add(new H2(getTranslation("privacy.why")));
        add(new Paragraph(getTranslation("privacy.why.text")));
        add(new H2(getTranslation("privacy.howLong")));
        add(new Paragraph(getTranslation("privacy.howLong.text")));
        add(new H2(getTranslation("privacy.rights")));
        add(new Paragraph(getTranslation("privacy.rights.text")));
        Anchor mine = new Anchor("my-data", getTranslation("privacy.rights.link"));
        mine.setId("privacy-my-data");
        add(mine);
        add(new Paragraph(getTranslation("privacy.complaint")));
    }

    private void entry(DescriptionList list, String termKey, String value) {
        list.add(new DescriptionList.Term(getTranslation(termKey)),
                new DescriptionList.Description(value.isBlank() ? getTranslation("privacy.notSet") : value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " · Ligeværd";
    }
}
