/* bp-tex-plain.c: TeX math as plain Unicode text, for the places where only text fits
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-tex"

#include "config.h"

#include <string.h>

#include "bp-tex.h"

/* Deeper groups are copied as their source: no title needs more, and a fuzzer's
 * thousand braces must not take the stack. */
#define MAX_DEPTH 16

typedef struct
{
  const char *name;
  const char *text;
} Symbol;

/* Only what Unicode writes exactly; anything else keeps its TeX source. */
static const Symbol symbols[] = {
  { "alpha", "α" }, { "beta", "β" }, { "gamma", "γ" }, { "delta", "δ" }, { "epsilon", "ϵ" },
  { "varepsilon", "ε" }, { "zeta", "ζ" }, { "eta", "η" }, { "theta", "θ" }, { "vartheta", "ϑ" },
  { "iota", "ι" }, { "kappa", "κ" }, { "lambda", "λ" }, { "mu", "μ" }, { "nu", "ν" },
  { "xi", "ξ" }, { "omicron", "ο" }, { "pi", "π" }, { "varpi", "ϖ" }, { "rho", "ρ" },
  { "varrho", "ϱ" }, { "sigma", "σ" }, { "varsigma", "ς" }, { "tau", "τ" }, { "upsilon", "υ" },
  { "phi", "ϕ" }, { "varphi", "φ" }, { "chi", "χ" }, { "psi", "ψ" }, { "omega", "ω" },
  { "Gamma", "Γ" }, { "Delta", "Δ" }, { "Theta", "Θ" }, { "Lambda", "Λ" }, { "Xi", "Ξ" },
  { "Pi", "Π" }, { "Sigma", "Σ" }, { "Upsilon", "Υ" }, { "Phi", "Φ" }, { "Psi", "Ψ" },
  { "Omega", "Ω" },
  { "cdot", "⋅" }, { "times", "×" }, { "div", "÷" }, { "pm", "±" }, { "mp", "∓" },
  { "leq", "≤" }, { "le", "≤" }, { "geq", "≥" }, { "ge", "≥" }, { "neq", "≠" }, { "ne", "≠" },
  { "approx", "≈" }, { "sim", "∼" }, { "equiv", "≡" }, { "propto", "∝" }, { "ll", "≪" },
  { "gg", "≫" }, { "infty", "∞" }, { "sum", "∑" }, { "prod", "∏" }, { "int", "∫" },
  { "oint", "∮" }, { "partial", "∂" }, { "nabla", "∇" }, { "in", "∈" }, { "notin", "∉" },
  { "subset", "⊂" }, { "subseteq", "⊆" }, { "cup", "∪" }, { "cap", "∩" },
  { "emptyset", "∅" }, { "forall", "∀" }, { "exists", "∃" }, { "neg", "¬" }, { "land", "∧" },
  { "wedge", "∧" }, { "lor", "∨" }, { "vee", "∨" }, { "to", "→" }, { "rightarrow", "→" },
  { "leftarrow", "←" }, { "Rightarrow", "⇒" }, { "Leftarrow", "⇐" }, { "leftrightarrow", "↔" },
  { "iff", "⟺" }, { "implies", "⟹" }, { "mapsto", "↦" }, { "ldots", "…" }, { "dots", "…" },
  { "cdots", "⋯" }, { "vdots", "⋮" }, { "prime", "′" }, { "circ", "∘" }, { "ast", "∗" },
  { "perp", "⊥" }, { "parallel", "∥" }, { "top", "⊤" }, { "langle", "⟨" }, { "rangle", "⟩" },
  { "lfloor", "⌊" }, { "rfloor", "⌋" }, { "lceil", "⌈" }, { "rceil", "⌉" }, { "mid", "∣" },
  { "vert", "|" }, { "lvert", "|" }, { "rvert", "|" }, { "Vert", "‖" }, { "hbar", "ℏ" },
  { "ell", "ℓ" }, { "quad", " " }, { "qquad", " " },
  /* Operators set upright: their names. */
  { "log", "log" }, { "ln", "ln" }, { "exp", "exp" }, { "sin", "sin" }, { "cos", "cos" },
  { "tan", "tan" }, { "max", "max" }, { "min", "min" }, { "lim", "lim" }, { "det", "det" },
  { "dim", "dim" }, { "sup", "sup" }, { "inf", "inf" }, { "arg", "arg" }, { "Pr", "Pr" },
  /* Sizes of delimiters: the delimiter that follows is what is read. */
  { "left", "" }, { "right", "" }, { "big", "" }, { "Big", "" }, { "bigl", "" }, { "bigr", "" },
  { "Bigl", "" }, { "Bigr", "" }, { "displaystyle", "" },
};

static const Symbol blackboard[] = {
  { "R", "ℝ" }, { "N", "ℕ" }, { "Z", "ℤ" }, { "Q", "ℚ" }, { "C", "ℂ" }, { "P", "ℙ" },
};

static const Symbol superscripts[] = {
  { "0", "⁰" }, { "1", "¹" }, { "2", "²" }, { "3", "³" }, { "4", "⁴" }, { "5", "⁵" },
  { "6", "⁶" }, { "7", "⁷" }, { "8", "⁸" }, { "9", "⁹" }, { "+", "⁺" }, { "-", "⁻" },
  { "=", "⁼" }, { "(", "⁽" }, { ")", "⁾" }, { "a", "ᵃ" }, { "b", "ᵇ" }, { "c", "ᶜ" },
  { "d", "ᵈ" }, { "e", "ᵉ" }, { "f", "ᶠ" }, { "g", "ᵍ" }, { "h", "ʰ" }, { "i", "ⁱ" },
  { "j", "ʲ" }, { "k", "ᵏ" }, { "l", "ˡ" }, { "m", "ᵐ" }, { "n", "ⁿ" }, { "o", "ᵒ" },
  { "p", "ᵖ" }, { "r", "ʳ" }, { "s", "ˢ" }, { "t", "ᵗ" }, { "u", "ᵘ" }, { "v", "ᵛ" },
  { "w", "ʷ" }, { "x", "ˣ" }, { "y", "ʸ" }, { "z", "ᶻ" }, { "A", "ᴬ" }, { "B", "ᴮ" },
  { "D", "ᴰ" }, { "E", "ᴱ" }, { "G", "ᴳ" }, { "H", "ᴴ" }, { "I", "ᴵ" }, { "J", "ᴶ" },
  { "K", "ᴷ" }, { "L", "ᴸ" }, { "M", "ᴹ" }, { "N", "ᴺ" }, { "O", "ᴼ" }, { "P", "ᴾ" },
  { "R", "ᴿ" }, { "T", "ᵀ" }, { "U", "ᵁ" }, { "V", "ⱽ" }, { "W", "ᵂ" }, { "⊤", "ᵀ" },
  { "′", "′" }, { "β", "ᵝ" }, { "γ", "ᵞ" }, { "δ", "ᵟ" }, { "φ", "ᵠ" }, { "χ", "ᵡ" },
};

static const Symbol subscripts[] = {
  { "0", "₀" }, { "1", "₁" }, { "2", "₂" }, { "3", "₃" }, { "4", "₄" }, { "5", "₅" },
  { "6", "₆" }, { "7", "₇" }, { "8", "₈" }, { "9", "₉" }, { "+", "₊" }, { "-", "₋" },
  { "=", "₌" }, { "(", "₍" }, { ")", "₎" }, { "a", "ₐ" }, { "e", "ₑ" }, { "h", "ₕ" },
  { "i", "ᵢ" }, { "j", "ⱼ" }, { "k", "ₖ" }, { "l", "ₗ" }, { "m", "ₘ" }, { "n", "ₙ" },
  { "o", "ₒ" }, { "p", "ₚ" }, { "r", "ᵣ" }, { "s", "ₛ" }, { "t", "ₜ" }, { "u", "ᵤ" },
  { "v", "ᵥ" }, { "x", "ₓ" }, { "β", "ᵦ" }, { "γ", "ᵧ" }, { "ρ", "ᵨ" }, { "φ", "ᵩ" },
  { "χ", "ᵪ" },
};

/* Commands whose argument is shown as it is, in another font. */
static const char * const text_commands[] = {
  "text", "textrm", "textbf", "textit", "mathrm", "mathbf", "mathit", "mathsf", "mathtt",
  "operatorname", "boldsymbol", "bm",
};

static const char * const fractions[] = { "frac", "dfrac", "tfrac" };

typedef struct
{
  const char *p;
  const char *end;
  guint depth;
} Reader;

static void convert_until (Reader  *r,
                           GString *out,
                           gboolean in_group);

static const char *
lookup (const Symbol *table,
        gsize         n,
        const char   *name,
        gsize         length)
{
  for (gsize i = 0; i < n; i++)
    if (strlen (table[i].name) == length && memcmp (table[i].name, name, length) == 0)
      return table[i].text;

  return NULL;
}

static gboolean
is_one_of (const char * const *names,
           gsize               n,
           const char         *name,
           gsize               length)
{
  for (gsize i = 0; i < n; i++)
    if (strlen (names[i]) == length && memcmp (names[i], name, length) == 0)
      return TRUE;

  return FALSE;
}

/* The byte after the character at @p, whatever the bytes are. */
static const char *
next_char (const char *p,
           const char *end)
{
  for (p++; p < end && ((guchar)*p & 0xC0) == 0x80; p++)
    ;

  return p;
}

static void
skip_spaces (Reader *r)
{
  while (r->p < r->end && g_ascii_isspace (*r->p))
    r->p++;
}

/* Past the "}" that closes the group whose "{" is just before @r's position. */
static void
skip_group (Reader *r)
{
  guint open = 1;

  for (; r->p < r->end && open > 0; r->p++)
    if (*r->p == '\\' && r->p + 1 < r->end)
      r->p++;
    else if (*r->p == '{')
      open++;
    else if (*r->p == '}')
      open--;
}

static void
convert_group (Reader  *r,
               GString *out)
{
  const char *start = r->p;

  if (r->depth >= MAX_DEPTH)
    {
      skip_group (r);
      g_string_append_c (out, '{');
      g_string_append_len (out, start, r->p - start);
      return;
    }

  r->depth++;
  convert_until (r, out, TRUE);
  r->depth--;
}

static void convert_command (Reader  *r,
                             GString *out);

/* One argument (a group, a command or a character) into @out; returns where its source
 * starts, so a caller can keep the source instead. */
static const char *
convert_argument (Reader  *r,
                  GString *out)
{
  const char *start;

  skip_spaces (r);
  start = r->p;
  if (r->p >= r->end)
    return start;

  if (*r->p == '{')
    {
      r->p++;
      convert_group (r, out);
    }
  else if (*r->p == '\\')
    {
      convert_command (r, out);
    }
  else
    {
      const char *next = next_char (r->p, r->end);

      g_string_append_len (out, r->p, next - r->p);
      r->p = next;
    }

  return start;
}

/* @text in super- or subscript characters, spaces dropped; FALSE when one has none. */
static gboolean
append_script (GString      *out,
               const char   *text,
               const Symbol *table,
               gsize         n)
{
  g_autoptr(GString) script = g_string_new (NULL);

  for (const char *p = text; *p; p = next_char (p, p + strlen (p)))
    {
      const char *mapped;

      if (*p == ' ')
        continue;
      if ((mapped = lookup (table, n, p, next_char (p, p + strlen (p)) - p)) == NULL)
        return FALSE;
      g_string_append (script, mapped);
    }

  if (script->len == 0)
    return FALSE;

  g_string_append_len (out, script->str, script->len);
  return TRUE;
}

static void
convert_script (Reader  *r,
                GString *out,
                char     mark)
{
  g_autoptr(GString) argument = g_string_new (NULL);
  const char *start;

  r->p++;
  start = convert_argument (r, argument);
  if (mark == '^' ? append_script (out, argument->str, superscripts, G_N_ELEMENTS (superscripts))
                  : append_script (out, argument->str, subscripts, G_N_ELEMENTS (subscripts)))
    return;

  g_string_append_c (out, mark);
  g_string_append_len (out, start, r->p - start);
}

/* Whether all of @text is in one pair of brackets: "(a+b)", not "(a)+(b)". */
static gboolean
is_bracketed (const char *text,
              gsize       length)
{
  int open = 0;

  if (length < 2 || text[0] != '(' || text[length - 1] != ')')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      open += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
      if (open == 0)
        return i == length - 1;
    }

  return FALSE;
}

/* Whether @text reads as one term after "/" or "√": letters, digits and roots, or
 * bracketed. */
static gboolean
is_one_term (const char *text)
{
  gsize length = strlen (text);
  const char *end = text + length;

  if (is_bracketed (text, length))
    return TRUE;

  for (const char *p = text; p < end; p = next_char (p, end))
    switch (g_unichar_type (g_utf8_get_char_validated (p, end - p)))
      {
      case G_UNICODE_MATH_SYMBOL:
        /* A root binds tighter than "/": "σ/√n". */
        if (!g_str_has_prefix (p, "√") && !g_str_has_prefix (p, "∛") && !g_str_has_prefix (p, "∜"))
          return FALSE;
        break;

      case G_UNICODE_LOWERCASE_LETTER: case G_UNICODE_UPPERCASE_LETTER:
      case G_UNICODE_TITLECASE_LETTER: case G_UNICODE_MODIFIER_LETTER:
      case G_UNICODE_OTHER_LETTER: case G_UNICODE_DECIMAL_NUMBER:
      case G_UNICODE_OTHER_NUMBER: case G_UNICODE_NON_SPACING_MARK:
        break;

      default:
        return FALSE;
      }

  return TRUE;
}

static void
append_term (GString    *out,
             const char *term)
{
  gboolean bracket = !is_one_term (term);

  g_string_append_printf (out, bracket ? "(%s)" : "%s", term);
}

static void
convert_fraction (Reader  *r,
                  GString *out)
{
  g_autoptr(GString) numerator = g_string_new (NULL);
  g_autoptr(GString) denominator = g_string_new (NULL);

  convert_argument (r, numerator);
  convert_argument (r, denominator);
  append_term (out, numerator->str);
  g_string_append_c (out, '/');
  append_term (out, denominator->str);
}

/* A command and the groups after it, as written. */
static void
keep_command (Reader     *r,
              GString    *out,
              const char *start)
{
  while (r->p < r->end && *r->p == '{')
    {
      r->p++;
      skip_group (r);
    }
  g_string_append_len (out, start, r->p - start);
}

/* √x, √(x + 1), ∛x; another index keeps its source. */
static void
convert_root (Reader  *r,
              GString *out)
{
  g_autoptr(GString) radicand = g_string_new (NULL);
  const char *index = NULL, *index_end = NULL;

  skip_spaces (r);
  if (r->p < r->end && *r->p == '[')
    {
      index = r->p + 1;
      index_end = memchr (index, ']', r->end - index);
      if (index_end == NULL || index_end - index != 1 || (*index != '3' && *index != '4'))
        {
          const char *from = r->p;

          g_string_append (out, "\\sqrt");
          r->p = index_end != NULL ? index_end + 1 : r->end;
          keep_command (r, out, from);
          return;
        }
      r->p = index_end + 1;
    }

  convert_argument (r, radicand);
  g_string_append (out, index == NULL ? "√" : *index == '3' ? "∛" : "∜");
  append_term (out, radicand->str);
}

static void
convert_symbol_command (Reader  *r,
                        GString *out)
{
  static const char escaped[] = "{}$%&#_";
  char c = r->p[1];

  /* A backslash before a character of several bytes is kept with all of them. */
  if ((guchar)c >= 0x80)
    {
      const char *next = next_char (r->p + 1, r->end);

      g_string_append_len (out, r->p, next - r->p);
      r->p = next;
      return;
    }

  r->p += 2;
  if (c == ',' || c == ';' || c == ':' || c == ' ' || c == '>' || c == '\\')
    g_string_append_c (out, ' ');
  else if (c == '|')
    g_string_append (out, "‖");
  else if (strchr (escaped, c) != NULL)
    g_string_append_c (out, c);
  else if (c != '!')
    g_string_append_len (out, r->p - 2, 2);
}

static void
convert_named_command (Reader     *r,
                       GString    *out,
                       const char *name,
                       gsize       length)
{
  g_autoptr(GString) argument = NULL;
  const char *symbol, *start;

  if ((symbol = lookup (symbols, G_N_ELEMENTS (symbols), name, length)) != NULL)
    {
      g_string_append (out, symbol);
      /* "\left." opens nothing. */
      if (*symbol == '\0' && r->p < r->end && *r->p == '.')
        r->p++;
    }
  else if (is_one_of (fractions, G_N_ELEMENTS (fractions), name, length))
    convert_fraction (r, out);
  else if (length == 4 && memcmp (name, "sqrt", 4) == 0)
    convert_root (r, out);
  else if (is_one_of (text_commands, G_N_ELEMENTS (text_commands), name, length))
    convert_argument (r, out);
  else if (length == 6 && memcmp (name, "mathbb", 6) == 0)
    {
      argument = g_string_new (NULL);
      start = convert_argument (r, argument);
      if ((symbol = lookup (blackboard, G_N_ELEMENTS (blackboard), argument->str, argument->len)) != NULL)
        g_string_append (out, symbol);
      else
        g_string_append_printf (out, "\\mathbb%.*s", (int)(r->p - start), start);
    }
  else
    keep_command (r, out, name - 1);
}

static void
convert_command (Reader  *r,
                 GString *out)
{
  const char *name = r->p + 1;
  gsize length = 0;

  if (name >= r->end)
    {
      g_string_append_c (out, '\\');
      r->p++;
      return;
    }
  if (!g_ascii_isalpha (*name))
    {
      convert_symbol_command (r, out);
      return;
    }

  while (name + length < r->end && g_ascii_isalpha (name[length]))
    length++;
  r->p = name + length;
  convert_named_command (r, out, name, length);
}

static void
append_space (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

static void
convert_until (Reader  *r,
               GString *out,
               gboolean in_group)
{
  while (r->p < r->end)
    {
      char c = *r->p;

      if (c == '}' && in_group)
        {
          r->p++;
          return;
        }
      if (c == '{')
        {
          r->p++;
          convert_group (r, out);
        }
      else if (c == '\\')
        convert_command (r, out);
      else if (c == '^' || c == '_')
        convert_script (r, out, c);
      else if (g_ascii_isspace (c) || c == '~')
        append_space (out), r->p++;
      else
        {
          const char *next = next_char (r->p, r->end);

          g_string_append_len (out, r->p, next - r->p);
          r->p = next;
        }
    }
}

/**
 * bp_tex_to_unicode:
 * @tex: TeX math, without its delimiters
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Math as it reads in plain text: Greek letters, operators and relations as their Unicode
 * characters, scripts as super- and subscript characters where Unicode has them all,
 * "\frac{a}{b}" as "a/b" (bracketed when a part is more than one term), roots as "√",
 * braces of groups dropped. Whatever Unicode cannot write exactly keeps its TeX source.
 *
 * Returns: (transfer full): the text; UTF-8 when @tex is.
 */
char *
bp_tex_to_unicode (const char *tex,
                   gssize      length)
{
  GString *out;
  Reader reader;

  g_return_val_if_fail (tex != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (tex);

  out = g_string_sized_new (length);
  reader = (Reader) { tex, tex + length, 0 };
  convert_until (&reader, out, FALSE);

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_erase (out, 0, strspn (out->str, " "));

  return g_string_free (out, FALSE);
}

/**
 * bp_tex_plain_text:
 * @text: text of an opened deck, such as a question's title
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * @text with its math (as bp_tex_find_spans() finds it: not "$$$", not prices) turned
 * into plain text by bp_tex_to_unicode(), delimiters removed; the rest as it is.
 *
 * Returns: (transfer full): the text.
 */
char *
bp_tex_plain_text (const char *text,
                   gssize      length)
{
  g_autoptr(GArray) spans = NULL;
  GString *out;
  gsize done = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  spans = bp_tex_find_spans (text, length);
  out = g_string_sized_new (length);
  for (guint i = 0; i < spans->len; i++)
    {
      const BpTexSpan *span = &g_array_index (spans, BpTexSpan, i);
      g_autofree char *plain = bp_tex_to_unicode (text + span->tex_start, span->tex_end - span->tex_start);

      g_string_append_len (out, text + done, span->start - done);
      g_string_append (out, plain);
      done = span->end;
    }
  g_string_append_len (out, text + done, length - done);

  return g_string_free (out, FALSE);
}
