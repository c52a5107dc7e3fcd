#ifndef PADDOCK_CLIBXML2_SHIM_H
#define PADDOCK_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its <unicode/*.h> clash with Foundation's own ICU module
   (`UErrorCode` defined twice). Paddock never touches the ICU converter fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#endif
