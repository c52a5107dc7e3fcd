#include "CVipsShim.h"
#include <vips/vips.h>
#include <string.h>
#include <pthread.h>

static pthread_once_t pv_once = PTHREAD_ONCE_INIT;
static int pv_init_result = -1;

static void pv_start(void) {
    if (VIPS_INIT("paddock") != 0) { pv_init_result = -1; return; }
    vips_block_untrusted_set(TRUE);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    pv_init_result = 0;
}

int pv_init(void) {
    pthread_once(&pv_once, pv_start);
    return pv_init_result;
}

char *pv_take_error(void) {
    const char *text = vips_error_buffer();
    char *copy = (text && *text) ? g_strdup(text) : NULL;
    vips_error_clear();
    return copy;
}

void pv_free(void *pointer) { g_free(pointer); }

int pv_read_header(const void *buf, size_t len, pv_header *out) {
    memset(out, 0, sizeof(*out));
    const char *loader = vips_foreign_find_load_buffer(buf, len);
    if (!loader) return -1;
    /* The class name (VipsForeignLoadJpegBuffer) as the operation's nickname (jpegload_buffer). */
    const char *nickname = vips_nickname_find(g_type_from_name(loader));
    g_strlcpy(out->loader, nickname ? nickname : loader, sizeof(out->loader));
    /* Lazy: only the header is read here, never the pixels. */
    VipsImage *image = vips_image_new_from_buffer(buf, len, "", NULL);
    if (!image) return -1;
    out->width = vips_image_get_width(image);
    out->height = vips_image_get_height(image);
    out->bands = vips_image_get_bands(image);
    out->pages = vips_image_get_n_pages(image);
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION) && vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation) != 0)
        orientation = 1;
    out->orientation = orientation;
    g_object_unref(image);
    return 0;
}

/* The image realised in memory, so that every error of a lazy pipeline shows here. */
static VipsImage *pv_realise(VipsImage *lazy) {
    if (!lazy) return NULL;
    VipsImage *memory = vips_image_copy_memory(lazy);
    g_object_unref(lazy);
    return memory;
}

void *pv_thumbnail(const void *buf, size_t len, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_buffer((void *)buf, len, &out, width,
                              "height", VIPS_MAX_COORD,
                              "size", VIPS_SIZE_DOWN,
                              "option_string", "fail_on=truncated",
                              NULL) != 0) return NULL;
    return pv_realise(out);
}

void *pv_shrink(void *image, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image((VipsImage *)image, &out, width,
                             "height", VIPS_MAX_COORD,
                             "size", VIPS_SIZE_DOWN,
                             "no_rotate", TRUE,
                             NULL) != 0) return NULL;
    return pv_realise(out);
}

int pv_width(void *image) { return vips_image_get_width((VipsImage *)image); }
int pv_height(void *image) { return vips_image_get_height((VipsImage *)image); }

/* A copy of in without any metadata: "strip" alone leaves EXIF in libvips 8.14's WebP. */
static VipsImage *pv_bare(VipsImage *in) {
    VipsImage *copy = NULL;
    if (vips_copy(in, &copy, NULL) != 0) return NULL;
    gchar **fields = vips_image_get_fields(copy);
    for (gchar **field = fields; field && *field; field++) vips_image_remove(copy, *field);
    g_strfreev(fields);
    return copy;
}

int pv_save(void *image, int format, int quality, int effort, void **out, size_t *length) {
    VipsImage *bare = pv_bare((VipsImage *)image);
    if (!bare) return -1;
    VipsImage *in = bare;
    VipsImage *flat = NULL;
    *out = NULL;
    *length = 0;
    if (format == PV_JPEG && vips_image_hasalpha(in)) {
        VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        int failed = vips_flatten(in, &flat, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        if (failed) { g_object_unref(bare); return -1; }
        in = flat;
    }
    int result;
    switch (format) {
    case PV_JPEG:
        result = vips_jpegsave_buffer(in, out, length, "Q", quality, "strip", TRUE,
                                      "optimize_coding", TRUE, "interlace", TRUE, NULL);
        break;
    case PV_WEBP:
        result = vips_webpsave_buffer(in, out, length, "Q", quality, "strip", TRUE,
                                      "effort", effort < 0 ? 4 : (effort > 6 ? 6 : effort), NULL);
        break;
    case PV_AVIF:
        result = vips_heifsave_buffer(in, out, length, "Q", quality, "strip", TRUE,
                                      "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
                                      "effort", effort < 0 ? 0 : (effort > 9 ? 9 : effort), NULL);
        break;
    default:
        result = -1;
    }
    if (flat) g_object_unref(flat);
    g_object_unref(bare);
    return result;
}

long pv_mean_rgb(void *image) {
    VipsImage *in = (VipsImage *)image;
    double mean[3] = {0, 0, 0};
    for (int band = 0; band < 3; band++) {
        VipsImage *one = NULL;
        int source = vips_image_get_bands(in) >= 3 ? band : 0;
        if (vips_extract_band(in, &one, source, NULL) != 0) return -1;
        int failed = vips_avg(one, &mean[band], NULL);
        g_object_unref(one);
        if (failed) return -1;
    }
    long rgb = 0;
    for (int band = 0; band < 3; band++) {
        long value = (long)(mean[band] + 0.5);
        if (value < 0) value = 0;
        if (value > 255) value = 255;
        rgb = (rgb << 8) | value;
    }
    return rgb;
}

void pv_unref(void *image) { if (image) g_object_unref((VipsImage *)image); }

int pv_generate(int width, int height, int format, int orientation, void **out, size_t *length) {
    *out = NULL;
    *length = 0;
    /* Red rises left to right, green top to bottom, blue is noise: every row and column differs,
       so a rotation or a crop shows in the pixels. */
    VipsImage *xy = NULL, *x = NULL, *y = NULL, *noise = NULL, *red = NULL, *green = NULL, *blue = NULL;
    VipsImage *joined = NULL, *image = NULL;
    int failed = vips_xyz(&xy, width, height, NULL)
        || vips_extract_band(xy, &x, 0, NULL) || vips_extract_band(xy, &y, 1, NULL)
        || vips_linear1(x, &red, 255.0 / (width > 1 ? width - 1 : 1), 0.0, NULL)
        || vips_linear1(y, &green, 255.0 / (height > 1 ? height - 1 : 1), 0.0, NULL)
        || vips_gaussnoise(&noise, width, height, "mean", 128.0, "sigma", 40.0, NULL)
        || vips_cast(noise, &blue, VIPS_FORMAT_UCHAR, NULL);
    if (!failed) {
        VipsImage *bands[3];
        VipsImage *r8 = NULL, *g8 = NULL;
        failed = vips_cast(red, &r8, VIPS_FORMAT_UCHAR, NULL) || vips_cast(green, &g8, VIPS_FORMAT_UCHAR, NULL);
        if (!failed) {
            bands[0] = r8; bands[1] = g8; bands[2] = blue;
            failed = vips_bandjoin(bands, &joined, 3, NULL)
                || vips_copy(joined, &image, "interpretation", VIPS_INTERPRETATION_sRGB, NULL);
        }
        if (r8) g_object_unref(r8);
        if (g8) g_object_unref(g8);
    }
    if (!failed && orientation > 1) {
        VipsImage *tagged = NULL;
        failed = vips_copy(image, &tagged, NULL);
        if (!failed) {
            vips_image_set_int(tagged, VIPS_META_ORIENTATION, orientation);
            g_object_unref(image);
            image = tagged;
        }
    }
    if (!failed) {
        switch (format) {
        case PV_JPEG: failed = vips_jpegsave_buffer(image, out, length, "Q", 85, NULL); break;
        case PV_WEBP: failed = vips_webpsave_buffer(image, out, length, "Q", 80, NULL); break;
        case PV_AVIF: failed = vips_heifsave_buffer(image, out, length, "Q", 50, "compression",
                                                    VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "effort", 0, NULL); break;
        default: failed = vips_pngsave_buffer(image, out, length, "compression", 1, NULL); break;
        }
    }
    VipsImage *all[] = {xy, x, y, noise, red, green, blue, joined, image};
    for (size_t k = 0; k < sizeof(all) / sizeof(all[0]); k++) if (all[k]) g_object_unref(all[k]);
    return failed ? -1 : 0;
}

int pv_generate_blank_png(int width, int height, void **out, size_t *length) {
    *out = NULL;
    *length = 0;
    VipsImage *black = NULL;
    if (vips_black(&black, width, height, NULL) != 0) return -1;
    int failed = vips_pngsave_buffer(black, out, length, "compression", 9, NULL);
    g_object_unref(black);
    return failed ? -1 : 0;
}

int pv_photograph(const void *buf, size_t len, int width, int height, void **out, size_t *length) {
    *out = NULL;
    *length = 0;
    VipsImage *enlarged = NULL, *flat = NULL, *noise = NULL, *grainy = NULL, *image = NULL;
    int failed = vips_thumbnail_buffer((void *)buf, len, &enlarged, width, "height", height, "size", VIPS_SIZE_FORCE, NULL)
        || vips_extract_band(enlarged, &flat, 0, "n", 3, NULL)
        || vips_gaussnoise(&noise, width, height, "mean", 0.0, "sigma", 9.0, NULL)
        || vips_add(flat, noise, &grainy, NULL)
        || vips_cast(grainy, &image, VIPS_FORMAT_UCHAR, NULL)
        || vips_jpegsave_buffer(image, out, length, "Q", 90, NULL);
    VipsImage *all[] = {enlarged, flat, noise, grainy, image};
    for (size_t k = 0; k < sizeof(all) / sizeof(all[0]); k++) if (all[k]) g_object_unref(all[k]);
    return failed ? -1 : 0;
}
