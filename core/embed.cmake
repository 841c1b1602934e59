# Writes INPUT as a C++ byte array named SYMBOL into OUTPUT (the rule file ships inside
# the binary, so no file has to be found at run time).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT}; do not edit.\n#include <cstddef>\nnamespace twitchcheck {\nextern const char* const ${SYMBOL};\nextern const std::size_t ${SYMBOL}Size;\nconst unsigned char ${SYMBOL}Bytes[] = {\n${bytes}0};\nconst char* const ${SYMBOL} = reinterpret_cast<const char*>(${SYMBOL}Bytes);\nconst std::size_t ${SYMBOL}Size = ${size};\n}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
