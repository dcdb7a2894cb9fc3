"""Rendering the sections of contribution types on the process page."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def show_contributions(context, shown, part="section"):
    """Render a type's section (`part="section"`) or its line in the facts
    list (`part="facts"`) with the context the type gave, on top of the
    page's context, as {% include %} would."""
    name = shown.template if part == "section" else shown.facts_template
    if not name:
        return ""
    included = context.template.engine.get_template(name)
    with context.push(**shown.context):
        return included.render(context)
