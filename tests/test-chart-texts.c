/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts keep their laid-out texts from one layout to the next (a window
 * resized by a drag lays its chart out at every size): whatever sizes came
 * before, a chart's layout is exactly the one a fresh chart makes, and no
 * kept text outlives the weight or the fonts it was measured with. */

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

#include "rocznik-chart.h"
#include "rocznik-test-chart.h"

/* The sizes of a drag out and back, sizes apart by less than a pixel (the
 * widths texts wrap at with them), export sizes where the text size follows
 * the canvas, then the first again. */
static const struct { double w, h; } drag[] = {
  { 362, 545 }, { 378, 572 }, { 394, 599 }, { 410, 625 }, { 426, 652 }, { 418, 639 },
  { 402, 613 }, { 386, 586 }, { 370, 559 }, { 370.3, 559 }, { 370.8, 559 }, { 320, 400 },
  { 1200, 675 }, { 1160, 655 }, { 1160.6, 655 }, { 1920, 1080 }, { 595, 842 }, { 362, 545 },
};

/* Every item in the same place, of the same size, with the same text. */
static void
assert_same_layout (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const RocznikChartItem *x = g_ptr_array_index (a, i);
      const RocznikChartItem *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpfloat (x->x, ==, y->x);
      g_assert_cmpfloat (x->y, ==, y->y);
      g_assert_cmpfloat (x->width, ==, y->width);
      g_assert_cmpfloat (x->height, ==, y->height);
      g_assert_cmpint (x->bar, ==, y->bar);
      g_assert_cmpint (x->value, ==, y->value);
      g_assert_cmpint (x->year, ==, y->year);
      g_assert_cmpuint (x->colour, ==, y->colour);
    }
}

static const RocznikChartItem *
item_with_text (GPtrArray  *items,
                const char *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      const RocznikChartItem *item = g_ptr_array_index (items, i);

      if (item->text && strcmp (item->text, text) == 0)
        return item;
    }
  g_error ("no item „%s”", text);
}

/* Fonts that measure unlike the default ones: DejaVu Sans Mono alone.
 * Kept to the end: Pango 1.50 never frees a font map's FcConfig. */
static PangoFontMap *
mono_fonts (void)
{
  static PangoFontMap *map;
  g_autofree char *file = NULL;
  FcPattern *pattern, *match;
  FcResult result;
  FcChar8 *path;
  FcConfig *config;

  if (map)
    return map;
  pattern = FcNameParse ((const FcChar8 *) "DejaVu Sans Mono");
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  g_assert_nonnull (match);
  g_assert_cmpint (FcPatternGetString (match, FC_FILE, 0, &path), ==, FcResultMatch);
  file = g_strdup ((const char *) path);
  FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  g_assert_true (g_str_has_suffix (file, "DejaVuSansMono.ttf"));

  config = FcConfigCreate ();
  g_assert_true (FcConfigAppFontAddFile (config, (const FcChar8 *) file));
  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);
  return map;
}

/* One chart laid out at size after size equals a fresh chart at each. */
static void
test_drag (void)
{
  g_autoptr(GPtrArray) sample = sample_years ();
  g_autoptr(GPtrArray) many = many_topic_years (3000);
  static const struct { gboolean many; RocznikChartType type; } cases[] = {
    { FALSE, ROCZNIK_CHART_RANKING }, { FALSE, ROCZNIK_CHART_TREND },
    { TRUE, ROCZNIK_CHART_RANKING }, { TRUE, ROCZNIK_CHART_YOY },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      GPtrArray *years = cases[c].many ? many : sample;
      g_autoptr(RocznikChart) chart = chart_for (years, cases[c].type, NULL, 0);

      for (guint s = 0; s < G_N_ELEMENTS (drag); s++)
        {
          g_autoptr(RocznikChart) fresh = chart_for (years, cases[c].type, NULL, 0);
          g_autoptr(GPtrArray) kept = rocznik_chart_get_layout (chart, drag[s].w, drag[s].h);
          g_autoptr(GPtrArray) made = rocznik_chart_get_layout (fresh, drag[s].w, drag[s].h);

          g_test_message ("%s of %u topics at %g×%g", rocznik_chart_type_to_string (cases[c].type),
                          cases[c].many ? 3000 : 17, drag[s].w, drag[s].h);
          assert_same_layout (kept, made);
        }
    }
}

/* A highlighted name is set in bold: measured anew, wider, and back when
 * the highlight goes. */
static void
test_highlight (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikChart) chart = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  g_autoptr(RocznikChart) fresh = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  const char *keys[] = { "gospodarka odpadami", NULL };
  g_autoptr(GPtrArray) plain = rocznik_chart_get_layout (chart, 1200, 675);
  g_autoptr(GPtrArray) bold = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GPtrArray) again = NULL;

  rocznik_chart_set_highlight (chart, keys);
  rocznik_chart_set_highlight (fresh, keys);
  bold = rocznik_chart_get_layout (chart, 1200, 675);
  made = rocznik_chart_get_layout (fresh, 1200, 675);
  assert_same_layout (bold, made);
  g_assert_cmpfloat (item_with_text (bold, "gospodarka odpadami")->width, >,
                     item_with_text (plain, "gospodarka odpadami")->width);

  rocznik_chart_set_highlight (chart, NULL);
  again = rocznik_chart_get_layout (chart, 1200, 675);
  assert_same_layout (again, plain);
}

/* Other fonts: every text measured with them, then with the default again. */
static void
test_fonts (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikChart) chart = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  g_autoptr(RocznikChart) fresh = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  g_autoptr(GPtrArray) plain = rocznik_chart_get_layout (chart, 1200, 675);
  g_autoptr(GPtrArray) mono = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GPtrArray) again = NULL;
  const char *title = rocznik_chart_get_title (chart);

  rocznik_chart_set_font_map (chart, mono_fonts ());
  rocznik_chart_set_font_map (fresh, mono_fonts ());
  mono = rocznik_chart_get_layout (chart, 1200, 675);
  made = rocznik_chart_get_layout (fresh, 1200, 675);
  assert_same_layout (mono, made);
  /* a monospace title is wider than a proportional one */
  g_assert_cmpfloat (item_with_text (mono, title)->width, >, item_with_text (plain, title)->width);

  rocznik_chart_set_font_map (chart, NULL);
  again = rocznik_chart_get_layout (chart, 1200, 675);
  assert_same_layout (again, plain);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-texts/drag", test_drag);
  g_test_add_func ("/chart-texts/highlight", test_highlight);
  g_test_add_func ("/chart-texts/fonts", test_fonts);
  return g_test_run ();
}
