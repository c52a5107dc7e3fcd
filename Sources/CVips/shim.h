#ifndef PADDOCK_CVIPS_SHIM_H
#define PADDOCK_CVIPS_SHIM_H
#include <vips/vips.h>
#endif
