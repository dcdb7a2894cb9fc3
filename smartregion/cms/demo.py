"""Demo pages of the first region (placeholder; filled in by the content work)."""

from wagtail.models import Page, Site

from smartregion.cms.models import HomePage


def seed():
    root = Page.objects.get(depth=1)
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Startseite", slug="start", intro="Demo"))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Demo")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.depth == 2 and old_root.specific_class is Page:
            old_root.delete()
