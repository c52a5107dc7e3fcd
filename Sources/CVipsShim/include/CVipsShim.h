#ifndef PADDOCK_CVIPS_SHIM_PUBLIC_H
#define PADDOCK_CVIPS_SHIM_PUBLIC_H
/* Non-variadic entry points to the few libvips calls Paddock needs: Swift cannot call libvips'
   variadic option lists. Images are opaque handles (a VipsImage *), released with pv_unref. */
#include <stddef.h>

/* Starts libvips once: untrusted loaders (ImageMagick, PDF, …) blocked, no operation cache,
   one thread per pipeline (Paddock runs one pipeline per core). Returns 0 on success. */
int pv_init(void);

/* The last libvips error of this thread's calls, as a string to release with pv_free
   (NULL when there is none); the error buffer is cleared. */
char *pv_take_error(void);
void pv_free(void *pointer);

/* What an image's header says, read without decoding its pixels. */
typedef struct {
    int width;
    int height;
    int pages;
    int orientation;
    int bands;
    char loader[64];
} pv_header;

/* Reads the header of the encoded image in buf. Returns 0 on success. */
int pv_read_header(const void *buf, size_t len, pv_header *out);

/* Decodes buf shrunk (never enlarged) to at most width pixels wide, with its EXIF orientation
   applied, into memory. A truncated file is an error. Returns NULL on failure. */
void *pv_thumbnail(const void *buf, size_t len, int width);

/* A copy of image resized (never enlarged) to at most width pixels wide. NULL on failure. */
void *pv_shrink(void *image, int width);

int pv_width(void *image);
int pv_height(void *image);

/* Output formats of pv_save. */
enum { PV_JPEG = 0, PV_WEBP = 1, PV_AVIF = 2 };

/* Encodes image without any metadata (EXIF, GPS, XMP, ICC) into a new buffer, released with
   pv_free. A transparent image is flattened onto white for JPEG. Returns 0 on success. */
int pv_save(void *image, int format, int quality, int effort, void **out, size_t *length);

/* The mean colour of image as 0xRRGGBB, or -1 on failure. */
long pv_mean_rgb(void *image);

void pv_unref(void *image);

/* Generated pictures for the tests and the sandbox: a generated picture (a colour gradient with noise) of width × height as
   format (PV_JPEG, PV_WEBP, PV_AVIF, or 3 for PNG), with EXIF orientation tag orientation (1–8; 1
   adds none for formats that cannot carry it). Returns 0 on success. */
int pv_generate(int width, int height, int format, int orientation, void **out, size_t *length);

/* A PNG of width × height black pixels: a few hundred kilobytes that decode to width × height
   × 3 bytes (the sandbox's decompression bomb). Returns 0 on success. */
int pv_generate_blank_png(int width, int height, void **out, size_t *length);

/* A phone-sized photograph made from a small picture (buf, len): enlarged to width × height, with
   grain (Gaussian noise) so that it weighs what a camera's JPEG weighs, saved as JPEG Q90.
   Returns 0 on success. */
int pv_photograph(const void *buf, size_t len, int width, int height, void **out, size_t *length);

#endif
