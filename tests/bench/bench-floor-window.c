/* bench-floor-window.c: a window drawn like the app's first frame, from stock GTK and libadwaita widgets only
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bench-floor-window.h"

/* What a window like the app's costs to build and draw, without any of the app's code: no
 * deck, no store, no templates of its own. The widgets are those the app's first frame
 * shows (resources/ui/bp-window.ui, bp-deck-switcher.ui, bp-sidebar.ui), in the same
 * places and with the same label settings, so that the app measured against this floor
 * tells what its own code adds, and this floor against the bare one what the window does. */

static GtkWidget *
icon_button (const char *icon_name,
             gboolean    toggle)
{
  GtkWidget *button = toggle ? gtk_toggle_button_new () : gtk_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  return button;
}

/* As bp-question-row.ui: the number, the title wrapped to six lines at most, the unread dot.
 * The dot keeps Adwaita's 16 px, which it has as a PNG: at the app's 8 px GTK would draw it
 * from the SVG and load librsvg, which the app's own dot, a PNG too, does not. */
static GtkWidget *
question_row (guint       number,
              const char *title)
{
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *number_label = gtk_label_new (number_text);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_label_set_width_chars (GTK_LABEL (number_label), 3);
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 30);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (title_label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (title_label), 6);
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_widget_set_margin_top (dot, 2);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), dot);
  return box;
}

static void
append_inset (GtkWidget *box,
              GtkWidget *child)
{
  gtk_widget_set_margin_start (child, 6);
  gtk_widget_set_margin_end (child, 6);
  gtk_box_append (GTK_BOX (box), child);
}

/* The sidebar: its header bar, the deck's button, the search, the filter and the list. */
static GtkWidget *
sidebar (const char         *deck_title,
         const char *const  *titles)
{
  guint n_titles = g_strv_length ((char **)titles);
  g_autofree char *count = g_strdup_printf ("%u questions", n_titles);
  g_autofree char *filter = g_strdup_printf ("All Questions (%u)", n_titles);
  const char *filters[] = { filter, NULL };
  g_autoptr(GMenu) deck_menu = g_menu_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *deck_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *deck_button = gtk_menu_button_new ();
  GtkWidget *deck_label = adw_window_title_new (deck_title, count);
  GtkWidget *search_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (filters);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_size_request (box, 280, -1);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Questions", NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icon_button ("open-menu-symbolic", FALSE));
  gtk_box_append (GTK_BOX (box), header);

  /* A menu button with nothing to show is drawn insensitive, which the app's is not. */
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (deck_button), G_MENU_MODEL (deck_menu));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (deck_button), deck_label);
  gtk_widget_set_hexpand (deck_button, TRUE);
  gtk_box_append (GTK_BOX (deck_row), deck_button);
  gtk_box_append (GTK_BOX (deck_row), icon_button ("view-more-symbolic", FALSE));
  gtk_box_append (GTK_BOX (search_row), search);
  gtk_widget_set_hexpand (search, TRUE);
  g_object_set (search, "placeholder-text", "Search Questions and Answers", NULL);
  gtk_box_append (GTK_BOX (search_row), gtk_toggle_button_new_with_label ("All Decks"));
  append_inset (box, deck_row);
  append_inset (box, search_row);
  append_inset (box, dropdown);

  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < n_titles; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), question_row (i + 1, titles[i]));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

/* The content: a header bar with the page's buttons and title, then the web view. */
static GtkWidget *
content (GtkWidget          *web_view,
         const char         *deck_title,
         const char *const  *titles)
{
  g_autofree char *subtitle = g_strdup_printf ("Question 1 of %u", g_strv_length ((char **)titles));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (titles[0] != NULL ? titles[0] : deck_title, subtitle);

  gtk_widget_set_size_request (box, 320, -1);
  gtk_widget_set_hexpand (box, TRUE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("starred-symbolic", TRUE));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("document-edit-symbolic", TRUE));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), gtk_toggle_button_new_with_label ("Study"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("view-grid-symbolic", FALSE));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icon_button ("go-down-symbolic", FALSE));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icon_button ("go-up-symbolic", FALSE));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (web_view, TRUE);
  gtk_box_append (GTK_BOX (box), web_view);
  return box;
}

/**
 * bench_floor_window_new:
 * @web_view: the view that shows the page
 * @deck_title: what the sidebar's deck button says
 * @titles: the deck's question titles, in order
 *
 * Returns: (transfer floating): a leaflet of the sidebar and the content, for the window
 */
GtkWidget *
bench_floor_window_new (GtkWidget          *web_view,
                        const char         *deck_title,
                        const char *const  *titles)
{
  GtkWidget *leaflet = adw_leaflet_new ();

  adw_leaflet_append (ADW_LEAFLET (leaflet), sidebar (deck_title, titles));
  adw_leaflet_append (ADW_LEAFLET (leaflet), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_append (ADW_LEAFLET (leaflet), content (web_view, deck_title, titles));
  return leaflet;
}
