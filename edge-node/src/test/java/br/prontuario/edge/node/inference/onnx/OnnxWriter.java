package br.prontuario.edge.node.inference.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written ONNX protobuf writer, just enough to build tiny deterministic test models
 * (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto) without any Python tooling.
 */
public final class OnnxWriter {

  public static final int FLOAT = 1;
  public static final int INT64 = 7;

  private final List<byte[]> nodes = new ArrayList<>();
  private final List<byte[]> initializers = new ArrayList<>();
  private final List<byte[]> inputs = new ArrayList<>();
  private final List<byte[]> outputs = new ArrayList<>();

  /** A graph input; a dimension is a {@code Long} size or a {@code String} symbolic name. */
  public OnnxWriter input(String name, int type, Object... dims) {
    inputs.add(valueInfo(name, type, dims));
    return this;
  }

  public OnnxWriter output(String name, int type, Object... dims) {
    outputs.add(valueInfo(name, type, dims));
    return this;
  }

  public OnnxWriter floats(String name, float[] values, long... dims) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      raw.putFloat(v);
    }
    initializers.add(tensor(name, FLOAT, raw.array(), dims));
    return this;
  }

  public OnnxWriter longs(String name, long[] values, long... dims) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      raw.putLong(v);
    }
    initializers.add(tensor(name, INT64, raw.array(), dims));
    return this;
  }

  /** A node; attributes as name/value pairs (Long, long[] or String). */
  public OnnxWriter node(String op, String[] in, String[] out, Object... attributes) {
    Proto node = new Proto();
    for (String i : in) {
      node.string(1, i);
    }
    for (String o : out) {
      node.string(2, o);
    }
    node.string(3, op + "_" + nodes.size());
    node.string(4, op);
    for (int a = 0; a < attributes.length; a += 2) {
      node.message(5, attribute((String) attributes[a], attributes[a + 1]));
    }
    nodes.add(node.bytes());
    return this;
  }

  public byte[] toBytes() {
    Proto graph = new Proto();
    nodes.forEach(n -> graph.message(1, n));
    graph.string(2, "test-graph");
    initializers.forEach(t -> graph.message(5, t));
    inputs.forEach(i -> graph.message(11, i));
    outputs.forEach(o -> graph.message(12, o));
    Proto opset = new Proto().string(1, "").varint(2, 17);
    return new Proto().varint(1, 8).string(2, "prontuario-tests").message(7, graph.bytes())
        .message(8, opset.bytes()).bytes();
  }

  public Path writeTo(Path file) throws IOException {
    Files.write(file, toBytes());
    return file;
  }

  private static byte[] attribute(String name, Object value) {
    Proto attribute = new Proto().string(1, name);
    if (value instanceof Long l) {
      attribute.varint(3, l).varint(20, 2);
    } else if (value instanceof long[] ls) {
      for (long l : ls) {
        attribute.varint(8, l);
      }
      attribute.varint(20, 7);
    } else if (value instanceof String s) {
      attribute.string(4, s).varint(20, 3);
    } else {
      throw new IllegalArgumentException("unsupported attribute " + value);
    }
    return attribute.bytes();
  }

  private static byte[] tensor(String name, int type, byte[] raw, long... dims) {
    Proto tensor = new Proto();
    for (long d : dims) {
      tensor.varint(1, d);
    }
    return tensor.varint(2, type).string(8, name).bytes(9, raw).bytes();
  }

  private static byte[] valueInfo(String name, int type, Object... dims) {
    Proto shape = new Proto();
    for (Object d : dims) {
      Proto dim = new Proto();
      if (d instanceof String s) {
        dim.string(2, s);
      } else {
        dim.varint(1, ((Number) d).longValue());
      }
      shape.message(1, dim.bytes());
    }
    Proto tensorType = new Proto().varint(1, type).message(2, shape.bytes());
    Proto typeProto = new Proto().message(1, tensorType.bytes());
    return new Proto().string(1, name).message(2, typeProto.bytes()).bytes();
  }

  /** Protobuf wire format: varints and length-delimited fields are all ONNX needs. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
      writeVarint((long) field << 3);
      writeVarint(value);
      return this;
    }

    Proto string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, byte[] message) {
      return bytes(field, message);
    }

    Proto bytes(int field, byte[] value) {
      writeVarint(((long) field << 3) | 2);
      writeVarint(value.length);
      out.writeBytes(value);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private void writeVarint(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) ((value & 0x7F) | 0x80));
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}
