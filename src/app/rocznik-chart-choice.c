/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-choice.c — one chart type offered in the chart pane's menu
 *
 * "available" says whether the year shown has what the type needs (hours
 * of the week, channels…); the menu's row follows it through expressions,
 * greyed out and not selectable when it is FALSE.
 */

#include "config.h"

#include "rocznik-chart-choice.h"

struct _RocznikChartChoice
{
  GObject          parent_instance;

  RocznikChartType type;
  char            *label;
  gboolean         available;
};

G_DEFINE_FINAL_TYPE (RocznikChartChoice, rocznik_chart_choice, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CHART_TYPE,
  PROP_LABEL,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject overrides */

static void
rocznik_chart_choice_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RocznikChartChoice *self = ROCZNIK_CHART_CHOICE (object);

  switch (prop_id)
    {
    case PROP_CHART_TYPE:
      g_value_set_int (value, self->type);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_chart_choice_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RocznikChartChoice *self = ROCZNIK_CHART_CHOICE (object);

  switch (prop_id)
    {
    case PROP_CHART_TYPE:
      self->type = g_value_get_int (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    case PROP_AVAILABLE:
      rocznik_chart_choice_set_available (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_chart_choice_finalize (GObject *object)
{
  RocznikChartChoice *self = ROCZNIK_CHART_CHOICE (object);

  g_free (self->label);

  G_OBJECT_CLASS (rocznik_chart_choice_parent_class)->finalize (object);
}

static void
rocznik_chart_choice_class_init (RocznikChartChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rocznik_chart_choice_get_property;
  object_class->set_property = rocznik_chart_choice_set_property;
  object_class->finalize = rocznik_chart_choice_finalize;

  properties[PROP_CHART_TYPE] =
    g_param_spec_int ("chart-type", NULL, NULL, ROCZNIK_CHART_RANKING, ROCZNIK_CHART_DURATION, ROCZNIK_CHART_RANKING,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rocznik_chart_choice_init (RocznikChartChoice *self)
{
  self->available = TRUE;
}

/* Public API */

RocznikChartChoice *
rocznik_chart_choice_new (RocznikChartType  type,
                          const char       *label)
{
  return g_object_new (ROCZNIK_TYPE_CHART_CHOICE, "chart-type", type, "label", label, NULL);
}

RocznikChartType
rocznik_chart_choice_get_chart_type (RocznikChartChoice *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_CHOICE (self), ROCZNIK_CHART_RANKING);
  return self->type;
}

const char *
rocznik_chart_choice_get_label (RocznikChartChoice *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_CHOICE (self), NULL);
  return self->label;
}

gboolean
rocznik_chart_choice_get_available (RocznikChartChoice *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_CHOICE (self), FALSE);
  return self->available;
}

void
rocznik_chart_choice_set_available (RocznikChartChoice *self,
                                    gboolean            available)
{
  g_return_if_fail (ROCZNIK_IS_CHART_CHOICE (self));

  available = !!available;
  if (available == self->available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}
