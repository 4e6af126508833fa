import CFFmpeg

/// A libavfilter graph `abuffer → one audio filter → abuffersink`; owns its `AVFilterGraph`, and
/// with it the three filter contexts, and frees it exactly once. libavfilter inserts the sample
/// format and rate conversions the filter needs on its own.
final class AudioFilterGraph {
    private var graph: UnsafeMutablePointer<AVFilterGraph>?
    private let source: UnsafeMutablePointer<AVFilterContext>
    private let sink: UnsafeMutablePointer<AVFilterContext>
    /// What is being filtered (the input path), for error messages.
    private let subject: String

    /// Builds the graph for audio shaped like `first` (sample format, rate, channel layout) with
    /// timestamps in `timeBase`, running `filter` with its option string `options` (e.g. `peak=true`).
    init(filter: String, options: String, input first: Frame, timeBase: Rational, subject: String) throws(MediaError) {
        guard let graph = avfilter_graph_alloc() else { fatalError("avfilter_graph_alloc: out of memory") }
        self.subject = subject
        do {
            source = try Self.source(in: graph, shapedLike: first, timeBase: timeBase, subject: subject)
            let middle = try Self.add(filter, options: options, to: graph, subject: subject)
            sink = try Self.add("abuffersink", options: nil, to: graph, subject: subject)
            try avfilter_link(source, 0, middle, 0).check(.codec, "linking abuffer to \(filter) for", subject: subject)
            try avfilter_link(middle, 0, sink, 0).check(.codec, "linking \(filter) to abuffersink for", subject: subject)
            try avfilter_graph_config(graph, nil).check(.codec, "configuring the \(filter) filter graph for", subject: subject)
        } catch {
            var graph: UnsafeMutablePointer<AVFilterGraph>? = graph
            avfilter_graph_free(&graph)
            throw error
        }
        self.graph = graph
    }

    deinit { avfilter_graph_free(&graph) }

    /// Feeds `frame` (nil: end of input, the filters flush) and returns the frames that came out,
    /// with whatever metadata the filter attached. The frame's data moves into the graph.
    func filter(_ frame: Frame?) throws(MediaError) -> [Frame] {
        try av_buffersrc_add_frame(source, frame?.pointer).check(.codec, "filtering audio of", subject: subject)
        return try Frame.receiveAll("filtering audio of", subject: subject) { av_buffersink_get_frame(sink, $0) }
    }

    /// The `abuffer` source, set from `first`'s properties through `AVBufferSrcParameters`
    /// (no option strings to format, any channel layout).
    private static func source(in graph: UnsafeMutablePointer<AVFilterGraph>, shapedLike first: Frame,
                               timeBase: Rational, subject: String) throws(MediaError) -> UnsafeMutablePointer<AVFilterContext> {
        guard let source = avfilter_graph_alloc_filter(graph, try filter(named: "abuffer", subject: subject), "in") else {
            fatalError("avfilter_graph_alloc_filter: out of memory")
        }
        guard let parameters = av_buffersrc_parameters_alloc() else { fatalError("av_buffersrc_parameters_alloc: out of memory") }
        defer {
            av_channel_layout_uninit(&parameters.pointee.ch_layout)
            av_free(parameters)
        }
        parameters.pointee.format = first.pointer.pointee.format
        parameters.pointee.time_base = timeBase.av
        parameters.pointee.sample_rate = first.pointer.pointee.sample_rate
        try av_channel_layout_copy(&parameters.pointee.ch_layout, &first.pointer.pointee.ch_layout)
            .check(.codec, "copying the channel layout of", subject: subject)
        try av_buffersrc_parameters_set(source, parameters).check(.codec, "setting up abuffer for", subject: subject)
        try avfilter_init_str(source, nil).check(.codec, "initialising abuffer for", subject: subject)
        return source
    }

    /// Adds filter `name` with `options` to `graph`.
    private static func add(_ name: String, options: String?, to graph: UnsafeMutablePointer<AVFilterGraph>,
                            subject: String) throws(MediaError) -> UnsafeMutablePointer<AVFilterContext> {
        var context: UnsafeMutablePointer<AVFilterContext>?
        try avfilter_graph_create_filter(&context, filter(named: name, subject: subject), name, options, nil, graph)
            .check(.codec, "creating filter \(name)=\(options ?? "") for", subject: subject)
        guard let context else { throw MediaError(.codec, "creating filter \(name) for", subject: subject, reason: "no context") }
        return context
    }

    /// libavfilter's filter `name`; throws when this FFmpeg build lacks it.
    private static func filter(named name: String, subject: String) throws(MediaError) -> UnsafePointer<AVFilter> {
        guard let filter = avfilter_get_by_name(name) else {
            throw MediaError(.codec, "finding filter \(name) for", subject: subject, reason: "this FFmpeg build has no \(name) filter")
        }
        return filter
    }
}
